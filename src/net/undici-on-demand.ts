/**
 * Stands in for `undici` inside the bundle, and only there: tsconfig.json's `paths` maps the
 * bare name `undici` here, and ncc's resolver applies that mapping to every import it bundles,
 * the toolkit's included. npm's tree is untouched (no override, no lockfile link).
 *
 * Why: `@actions/http-client` (imported by `@actions/core`) imports undici at start-up for
 * `ProxyAgent`, and `@actions/github` for `fetch` (actions/toolkit#1560). The action never needs
 * either: every request, GitHub's included, goes through its own guarded transport
 * (src/net/http.ts, src/github/fetch.ts hands Octokit a `fetch` built on it), which honours the
 * runner's proxy through http-client's agents. So undici is not bundled at all (~400 KB less).
 *
 * `@actions/github` builds a ProxyAgent when it loads behind a proxy (HTTPS_PROXY): constructing
 * one here must work, so it gives an inert object; using anything of it throws, loudly, naming
 * this file. `__tests__/unit/undici-on-demand.test.ts` fails when a toolkit update imports a name
 * this file lacks, and an end-to-end test stores a secret behind a proxy.
 */
type Undici = typeof import('undici/index.js');

function unavailable(what: string): Error {
  return new Error(
    `undici's ${what} is not bundled (src/net/undici-on-demand.ts): the action sends every request through its own transport`
  );
}

/** A constructor whose instances throw on any use. */
function inert<K extends 'ProxyAgent' | 'Agent'>(name: K): Undici[K] {
  return function (): object {
    return new Proxy(
      {},
      {
        get: (_target, property) => {
          if (property === 'then' || typeof property === 'symbol') return undefined;
          throw unavailable(`${name}.${property}`);
        }
      }
    );
  } as unknown as Undici[K];
}

export const ProxyAgent = inert('ProxyAgent');
export const Agent = inert('Agent');

export function fetch(): never {
  throw unavailable('fetch');
}
