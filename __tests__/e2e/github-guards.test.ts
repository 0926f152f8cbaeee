/**
 * Every GitHub request under the guards SuprSend's have, end to end through dist/ against a fake
 * GitHub that answers like GitHub: the deadline, no redirect across origins or for a write, retries
 * of what is safe to repeat, Retry-After from the answer's arrival, a lost write settled by reading
 * the secret back, errors that name the real cause, and everything GitHub can refuse asked before
 * a SuprSend key exists. One test per row of issue #22's table.
 */
import { describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import type { RunResult } from '../../tools/run-action.js';
import { GITHUB_TEST_TOKEN, type FakeGitHub } from '../../test-support/fake-github.js';
import { NODES, theError, withGitHub, type Harness } from '../../test-support/e2e.js';
import { closedPort, listenOnLoopback } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const secret = { name: 'backend', 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN };
const posts = (h: Harness): number => h.mock.requests.filter((r) => r.method === 'POST').length;
const liveKeys = (h: Harness): string[] => (h.mock.keys.get('staging') ?? []).filter((k) => !k.is_deleted).map((k) => k.id);
const calls = (gh: FakeGitHub): string[] => gh.requests.map((r) => `${r.method} ${r.rawPath}`);
const noUnexpected = (r: RunResult): void => {
  expect(r.stdout).not.toMatch(/Unexpected|HTTP 500 \(/);
};

/** A server elsewhere (another origin) that records whatever reaches it. */
async function elsewhere(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"key_id":"1","key":"AAAA"}');
  });
  const port = await listenOnLoopback(server);
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((r) =>
        server.close(() => {
          r();
        })
      )
  };
}

describe('GitHub requests under the same guards as SuprSend requests', () => {
  it('a secret PUT that never answers ends at the deadline; read back as unchanged, the new key is rolled back', async () => {
    await withGitHub(
      node,
      (method) => (method === 'PUT' ? { hang: true } : undefined),
      async (h, gh, env) => {
        const started = Date.now();
        const result = await h.run({ ...secret, 'timeout-seconds': '2', retries: '1' }, { env });
        expect(Date.now() - started).toBeLessThan(15_000);
        const error = theError(result);
        expect(error).toMatch(
          /^GitHub did not answer in time to store repository secret SUPRSEND_API_KEY in acme\/shop: no complete response within 2 s \(after 1 retry\)/
        );
        expect(error).toContain('(read back: the secret did not change)');
        expect(error).toMatch(/The new key ws_apik_\w+ was disabled again/);
        expect(calls(gh).filter((c) => c.startsWith('PUT'))).toHaveLength(2);
        expect(calls(gh).at(-1)).toBe('GET /repos/acme/shop/actions/secrets/SUPRSEND_API_KEY');
        expect(liveKeys(h)).toEqual([]);
      }
    );
  });

  it('a PUT GitHub applied but never answered is settled by reading updated_at: the key stays, with a warning', async () => {
    await withGitHub(
      node,
      (method) => (method === 'PUT' ? { hang: true, apply: true } : undefined),
      async (h, gh, env) => {
        const result = await h.run({ ...secret, 'timeout-seconds': '2', retries: '0' }, { env });
        expect(result.exitCode).toBe(0);
        expect(result.warnings.join('\n')).toContain(
          "GitHub's answer to the write was lost; reading repository secret SUPRSEND_API_KEY in acme/shop back showed it was updated just now"
        );
        expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
        expect(liveKeys(h)).toEqual([result.outputs['key-id']]);
      }
    );
  });

  it('when neither the write nor the read back answers, the key is not disabled and the error says how to check', async () => {
    await withGitHub(
      node,
      (method, path) =>
        method === 'PUT' || (method === 'GET' && path.endsWith('/SUPRSEND_API_KEY')) ? { hang: true, apply: true } : undefined,
      async (h, _gh, env) => {
        const error = theError(await h.run({ ...secret, 'timeout-seconds': '1', retries: '0' }, { env }));
        const id = liveKeys(h)[0]!;
        expect(error).toContain('GitHub may have stored the key as repository secret SUPRSEND_API_KEY in acme/shop all the same.');
        expect(error).toContain(`So the new key ${id} was not disabled: the secret may hold it now.`);
        expect(error).toMatch(
          /Check when secret SUPRSEND_API_KEY was last updated .*if just now, it holds key ws_apik_\w+ and nothing is lost; if not, disable key/
        );
        expect(liveKeys(h)).toEqual([id]);
      }
    );
  });

  it('a public-key GET redirected to another origin is not followed: nothing reaches it, no key is made', async () => {
    const other = await elsewhere();
    try {
      const fault = (method: string, path: string) =>
        method === 'GET' && path.endsWith('/public-key') ? { status: 302, headers: { location: `${other.url}/steal` } } : undefined;
      await withGitHub(node, fault, async (h, _gh, env) => {
        const result = await h.run({ ...secret, command: 'rotate' }, { env });
        expect(theError(result)).toMatch(
          /redirect \(HTTP 302 to http:\/\/127\.0\.0\.1:\d+\/steal\), which the action does not follow: it leads to another origin.*No key was created/
        );
        expect(other.hits).toEqual([]);
        expect(posts(h)).toBe(0);
        noUnexpected(result);
      });
    } finally {
      await other.close();
    }
  });

  it('a secret PUT redirected (307) is never replayed, even to the same origin: the key is rolled back, no older key touched', async () => {
    const other = await elsewhere();
    try {
      const fault = (method: string) => (method === 'PUT' ? { status: 307, headers: { location: `${other.url}/put` } } : undefined);
      await withGitHub(node, fault, async (h, gh, env) => {
        const old = h.mock.addKey('staging', { name: 'backend' });
        const result = await h.run({ ...secret, command: 'rotate' }, { env });
        expect(theError(result)).toMatch(
          /redirect \(HTTP 307 .*\), which the action does not follow: a write is never sent anywhere else.*was disabled again/
        );
        expect(other.hits).toEqual([]);
        expect(calls(gh).filter((c) => c.startsWith('PUT'))).toHaveLength(1);
        expect(liveKeys(h)).toEqual([old.id]);
      });
    } finally {
      await other.close();
    }
  });

  it.each([
    ['a 502', { status: 502, message: 'Bad Gateway', apply: true }],
    ['a reset connection', { reset: true as const, apply: true }]
  ])('GitHub stores the secret, then answers with %s: the PUT is retried (idempotent) and the step succeeds', async (_label, once) => {
    let puts = 0;
    await withGitHub(
      node,
      (method) => (method === 'PUT' && puts++ === 0 ? once : undefined),
      async (h, gh, env) => {
        const result = await h.run({ ...secret, command: 'rotate' }, { env });
        expect(result.exitCode).toBe(0);
        expect(puts).toBe(2);
        expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
        expect(liveKeys(h)).toEqual([result.outputs['key-id']]);
      }
    );
  });

  it('GitHub cannot be reached: says so (never "HTTP 500"), names GITHUB_API_URL, and makes no key', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      const url = `http://127.0.0.1:${await closedPort()}`;
      const result = await h.run({ ...secret, retries: '1' }, { env: { ...env, GITHUB_API_URL: url } });
      expect(theError(result)).toMatch(
        new RegExp(
          `^Could not reach GitHub at 127\\.0\\.0\\.1:\\d+ to read the public key of repository acme/shop: ECONNREFUSED.*\\(after 1 retry\\)\\. .*Check GITHUB_API_URL \\(${url}\\), the runner's network`
        )
      );
      expect(posts(h)).toBe(0);
      noUnexpected(result);
    });
  });

  it('Retry-After as an HTTP date is measured from when that answer arrived, not from the step start', async () => {
    let first: number | undefined;
    const fail = (method: string) => {
      if (method !== 'PUT' || first !== undefined) return undefined;
      first = Date.now();
      // Two seconds from now, in whole seconds (an HTTP date).
      return {
        status: 429,
        message: 'slow down',
        headers: { 'retry-after': new Date(Math.ceil((first + 2000) / 1000) * 1000).toUTCString() }
      };
    };
    // SuprSend is slow first (3 s before the 429): measured from the step's start, the wait would be 3 s longer.
    await withGitHub(node, { fail, mock: { latencyMs: 3000 } }, async (h, gh, env) => {
      const result = await h.run(secret, { env });
      expect(result.exitCode).toBe(0);
      const puts = gh.requests.filter((r) => r.method === 'PUT');
      expect(puts).toHaveLength(2);
      const waited = puts[1]!.at - puts[0]!.at;
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3500);
    });
  });

  it.each([
    [{ 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': '..' }, 'secret-repositories'],
    [{ 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': 'acme/..' }, 'secret-repositories'],
    [{ 'secret-environment': '..' }, 'secret-environment'],
    [{ 'secret-environment': 'prod//eu' }, 'secret-environment'],
    [{ 'secret-environment': 'prod/./eu' }, 'secret-environment'],
    [{ 'secret-repository': 'acme/.', 'secret-environment': 'dependabot' }, 'secret-repository'],
    [{ 'secret-repository': 'acme/..' }, 'secret-repository']
  ])('%j is an input error before any request', async (inputs, input) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(theError(await h.run({ ...secret, ...inputs }, { env }))).toMatch(
        new RegExp(`^Input '${input}': .*'\\.', '\\.\\.' and empty parts`)
      );
      expect(h.mock.requests).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });

  it('an environment name with "/" is kept, sent encoded', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...secret, 'secret-environment': 'prod/eu' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh)).toContain('PUT /repos/acme/shop/environments/prod%2Feu/secrets/SUPRSEND_API_KEY');
      expect(gh.secrets.get('acme/shop/env:prod/eu/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
    });
  });

  it("GitHub's public key of the wrong size is GitHub's answer being wrong: no key is made", async () => {
    await withGitHub(node, { publicKey: Buffer.alloc(31).toString('base64') }, async (h, _gh, env) => {
      const result = await h.run(secret, { env });
      expect(theError(result)).toMatch(
        /^GitHub's answer to read the public key of repository acme\/shop cannot be right: its public key is 31 bytes, not the 32 of an X25519 key\..*No key was created/
      );
      expect(posts(h)).toBe(0);
      noUnexpected(result);
    });
  });

  it('a selected repository the token may not read (403) is named, with read access as the cause; no key is made', async () => {
    await withGitHub(node, { forbidden: ['acme/web'] }, async (h, _gh, env) => {
      const org = { 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': 'shop web' };
      const error = theError(await h.run({ ...secret, ...org }, { env }));
      expect(error).toContain("the token may not read repository acme/web, named in 'secret-repositories'");
      expect(error).not.toContain('Secrets: write');
      expect(posts(h)).toBe(0);
    });
  });

  it("'secret-organization: Acme' takes 'acme/shop' in 'secret-repositories' (organization names are not case-sensitive)", async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const org = { 'secret-organization': 'Acme', 'secret-visibility': 'selected', 'secret-repositories': 'acme/shop' };
      const result = await h.run({ ...secret, ...org }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility: 'selected', selected_repository_ids: [101] });
    });
  });

  it.each([
    ['a bad github-token', {}, {}, /HTTP 401 \(Bad credentials\): 'github-token' is not a valid token/],
    [
      'a missing permission',
      {
        fail: (m: string, p: string) =>
          m === 'GET' && p.endsWith('/public-key') ? { status: 403, message: 'Resource not accessible by integration' } : undefined
      },
      {},
      /"Secrets: write"/
    ],
    [
      'an unknown environment',
      { fail: (_m: string, p: string) => (p.includes('/environments/') ? { status: 404, message: 'Not Found' } : undefined) },
      { 'secret-environment': 'nope' },
      /environment 'nope'/
    ],
    ['an unknown repository', {}, { 'secret-repository': 'acme/ghost' }, /repository acme\/ghost does not exist/]
  ])('%s: asked before minting, so no SuprSend key is made', async (_label, options, inputs, pattern) => {
    await withGitHub(node, options, async (h, _gh, env) => {
      const token = _label === 'a bad github-token' ? { 'github-token': 'ghs_wrong' } : {};
      const error = theError(await h.run({ ...secret, ...inputs, ...token }, { env }));
      expect(error).toMatch(pattern);
      expect(error).toContain('No key was created');
      expect(h.mock.requests).toEqual([]);
    });
  });

  it('a renamed repository: the GET follows the 301, and the PUT goes where it led', async () => {
    await withGitHub(node, { renamed: { 'acme/old-shop': 'acme/shop' } }, async (h, gh, env) => {
      const result = await h.run({ ...secret, 'secret-repository': 'acme/old-shop' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh)).toEqual([
        'GET /repos/acme/old-shop/actions/secrets/public-key',
        'GET /repositories/101/actions/secrets/public-key',
        'PUT /repositories/101/actions/secrets/SUPRSEND_API_KEY'
      ]);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
    });
  });

  it('a dry run of rotate sends nothing to GitHub', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ ...secret, command: 'rotate', 'dry-run': 'true' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.requests).toEqual([]);
    });
  });
});
