/**
 * Stands in for `undici` inside the bundle, and only there: tsconfig.json's `paths` maps
 * the bare name `undici` here, and ncc's resolver applies that mapping to every import it
 * bundles, the toolkit's included. npm's tree is untouched (no override, no lockfile link).
 *
 * Why (actions/toolkit#1560; its open fix, actions/toolkit#1800, would load ProxyAgent lazily):
 * `@actions/http-client` (imported by `@actions/core`) imports undici at start-up for
 * `ProxyAgent`, and `@actions/github` for `fetch`; this action needs them only to talk to
 * GitHub's API (`secret-name`). Compiling undici's ~400 KB cost about 24 ms of every run
 * (docs/performance.md). Here it is a dynamic import, which ncc puts in a chunk of its own,
 * loaded by `loadUndici()`: the GitHub path awaits it before it creates Octokit. Using
 * `ProxyAgent`, `Agent` or `fetch` before that throws, loudly, instead of working by accident.
 *
 * The names exported are the ones the bundled consumers import; `__tests__/unit/undici-on-demand.test.ts`
 * fails when a toolkit update imports another one, or when the real undici stops providing these.
 * `undici` is a direct dependency so the chunk has one known version; Dependabot groups it with the
 * toolkit (.github/dependabot.yml), so a bump of either is tested with the other. When #1800 ships,
 * delete this file and the `paths` entry: the start-up win then comes from the toolkit itself.
 */
type Undici = typeof import('undici/index.js');

let undici: Undici | undefined;

/** Loads the real undici (the path below is not the bare name, so it is not mapped back here). */
export async function loadUndici(): Promise<Undici> {
  if (undici === undefined) {
    // undici is CommonJS: bundled, its exports may come as the namespace's default.
    const namespace = (await import('undici/index.js')) as Undici & { default?: Undici };
    undici = namespace.default ?? namespace;
  }
  return undici;
}

function loaded(): Undici {
  if (undici === undefined) throw new Error('undici is loaded on demand: await loadUndici() (src/net/undici-on-demand.ts) before using it');
  return undici;
}

/** A constructor that builds the real undici's class of this name; typed as that class. */
function onDemand<K extends 'ProxyAgent' | 'Agent'>(name: K): Undici[K] {
  return function (...args: unknown[]): object {
    return Reflect.construct(loaded()[name], args) as object;
  } as unknown as Undici[K];
}

export const ProxyAgent = onDemand('ProxyAgent');
export const Agent = onDemand('Agent');

export function fetch(...args: Parameters<Undici['fetch']>): ReturnType<Undici['fetch']> {
  return loaded().fetch(...args);
}
