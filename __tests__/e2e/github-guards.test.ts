/**
 * Every GitHub request under the guards SuprSend's have, end to end through dist/ against a fake
 * GitHub that answers like GitHub: the deadline, no redirect across origins or for a write, retries
 * of what is safe to repeat, Retry-After from the answer's arrival, a lost write settled by reading
 * the secret back, errors that name the real cause, and everything GitHub can refuse asked before
 * a SuprSend key exists. One test per row of issue #22's table.
 */
import { describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import { NODES, theError, withGitHub } from '../../test-support/e2e.js';
import { calls, expectPlainWords, liveKeys, posts, STORE_SECRET } from '../../test-support/github-scenarios.js';
import { closedPort, listenOnLoopback } from '../../test-support/util.js';

const [, node] = NODES[0]!;

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
        const result = await h.run({ ...STORE_SECRET, 'timeout-seconds': '2', retries: '1' }, { env });
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
        const result = await h.run({ ...STORE_SECRET, 'timeout-seconds': '2', retries: '0' }, { env });
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
        const error = theError(await h.run({ ...STORE_SECRET, 'timeout-seconds': '1', retries: '0' }, { env }));
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
        const result = await h.run({ ...STORE_SECRET, command: 'rotate' }, { env });
        expect(theError(result)).toMatch(
          /redirect \(HTTP 302 to http:\/\/127\.0\.0\.1:\d+\/steal\), which the action does not follow: it leads to another origin.*No key was created/
        );
        expect(other.hits).toEqual([]);
        expect(posts(h)).toBe(0);
        expectPlainWords(result);
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
        const result = await h.run({ ...STORE_SECRET, command: 'rotate' }, { env });
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
        const result = await h.run({ ...STORE_SECRET, command: 'rotate' }, { env });
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
      const result = await h.run({ ...STORE_SECRET, retries: '1' }, { env: { ...env, GITHUB_API_URL: url } });
      expect(theError(result)).toMatch(
        new RegExp(
          `^Could not reach GitHub at 127\\.0\\.0\\.1:\\d+ to read the public key of repository acme/shop: ECONNREFUSED.*\\(after 1 retry\\)\\. .*Check GITHUB_API_URL \\(${url}\\), the runner's network`
        )
      );
      expect(posts(h)).toBe(0);
      expectPlainWords(result);
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
      const result = await h.run(STORE_SECRET, { env });
      expect(result.exitCode).toBe(0);
      const puts = gh.requests.filter((r) => r.method === 'PUT');
      expect(puts).toHaveLength(2);
      const waited = puts[1]!.at - puts[0]!.at;
      expect(waited).toBeGreaterThanOrEqual(900);
      expect(waited).toBeLessThan(3500);
    });
  });
});
