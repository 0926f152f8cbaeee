/**
 * A hostile world, end to end through dist/ under the runner's Node: servers that
 * hang, trickle, reset, rate-limit forever, lie, or answer nonsense; many runs at
 * once; a proxy. In every case the step ends in bounded time with one clear error
 * (or succeeds), no second key is minted, and no secret is printed (the harness
 * checks that after every run).
 */
import { describe, expect, it } from '@jest/globals';
import { expectNoLeak, keyIds, NODES, theError, withMock } from '../../test-support/e2e.js';

const [, node] = NODES[0]!;
const fastFail = { retries: '1', 'timeout-seconds': '0.5' };

describe('server faults', () => {
  it('a server that never answers: bounded by the deadline and the retries, then a clear error', async () => {
    await withMock(node, { fault: () => ({ hang: true }) }, async (h) => {
      const error = theError(await h.run({ command: 'list', ...fastFail }));
      expect(error).toMatch(/did not answer in time .*no complete response within 0\.5 s \(after 1 retry\)/);
      expect(h.mock.requests).toHaveLength(2);
    });
  });

  it('a body that trickles in slower than the deadline', async () => {
    const body = JSON.stringify({ meta: { count: 0 }, results: [] }).padEnd(400, ' ');
    await withMock(node, { fault: () => ({ trickle: body, intervalMs: 50 }) }, async (h) => {
      const error = theError(await h.run({ command: 'list', ...fastFail }));
      expect(error).toMatch(/no complete response within 0\.5 s/);
    });
  });

  it('429 forever: gives up after the retries, saying so', async () => {
    await withMock(
      node,
      { fault: () => ({ status: 429, headers: { 'retry-after': '0' }, body: '{"message":"slow down"}' }) },
      async (h) => {
        const error = theError(await h.run({ command: 'list' }));
        expect(error).toMatch(/limiting the request rate \(HTTP 429: slow down\) after 3 retries/);
        expect(h.mock.requests).toHaveLength(4);
      }
    );
  });

  it.each(['99999999999', 'Fri, 31 Dec 9999 23:59:59 GMT'])(
    'an absurd Retry-After (%s) fails at once instead of sleeping',
    async (retryAfter) => {
      await withMock(node, { fault: () => ({ status: 503, headers: { 'retry-after': retryAfter } }) }, async (h) => {
        const error = theError(await h.run({ command: 'list' }));
        expect(error).toMatch(/asked to wait \d+ s before trying again \(Retry-After\), longer than the 60 s this action waits/);
        expect(h.mock.requests).toHaveLength(1);
      });
    }
  );

  it('a response larger than 64 MiB is refused, not buffered forever', async () => {
    const huge = ' '.repeat(65 * 1024 * 1024);
    await withMock(node, { fault: () => ({ status: 200, body: huge }) }, async (h) => {
      const error = theError(await h.run({ command: 'list', retries: '0' }));
      expect(error).toMatch(/too large: the response body exceeded 64 MiB/);
    });
  });
});

describe('odd answers', () => {
  it.each([
    ['truncated JSON', '{"meta":{"count":5},"results":[{"id":', /is not JSON/],
    ['null', 'null', /has no 'results' list/],
    ['results that are not a list', '{"results":{"id":"x"}}', /has no 'results' list/],
    ['an entry without an id', '{"results":[{"name":"x"}]}', /an entry without an id \(offset 0\)/],
    ['an id that is not a string', '{"results":[{"id":42}]}', /an entry without an id/]
  ])('a listing with %s fails clearly', async (_what, body, pattern) => {
    await withMock(node, { fault: () => ({ status: 200, body }) }, async (h) => {
      expect(theError(await h.run({ command: 'list' }))).toMatch(pattern);
    });
  });

  it('a create answer that is not JSON: the key may exist, and the body (which may hold it) is not shown', async () => {
    const body = '{"id":"ws_apik_1","api_key":"SS.ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678';
    await withMock(node, { fault: () => ({ status: 201, body }) }, async (h) => {
      const result = await h.run({ name: 'app' });
      const error = theError(result);
      expect(error).toMatch(/not with JSON .*A key may have been created: look for it with command 'list' and name "app"/);
      expectNoLeak(result, ['SS.ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678']);
      expect(h.mock.requests).toHaveLength(1);
    });
  });

  it('a create answer with a secret but no id: masked, never printed, and the error says to look for the key', async () => {
    const secret = 'SS.secretWithoutAnId0123456789abcdef';
    await withMock(node, { fault: () => ({ status: 201, body: JSON.stringify({ api_key: secret, name: 'app' }) }) }, async (h) => {
      const result = await h.run({ name: 'app' });
      expect(theError(result)).toMatch(/has no id\. The key was probably created.*command 'list' and name "app"/);
      expect(result.stdout).toContain(`::add-mask::${secret}`);
      expectNoLeak(result, [secret]);
    });
  });

  it('a count far beyond any workspace fails before paging through it', async () => {
    await withMock(node, { countOverride: 1_000_000_000 }, async (h) => {
      for (let i = 0; i < 100; i++) h.mock.addKey('staging', { name: `k${i}` });
      expect(theError(await h.run({ command: 'list' }))).toMatch(/reports 1000000000 items, more than the 100000 this action reads/);
      expect(h.mock.requests).toHaveLength(1);
    });
  });

  it('a listing that never ends stops at the cap with a clear error', async () => {
    const endless = (offset: number) =>
      JSON.stringify({ results: Array.from({ length: 100 }, (_, i) => ({ id: `ws_apik_${offset + i}`, name: 'x' })) });
    await withMock(node, { fault: (r) => ({ status: 200, body: endless(Number(r.query.offset)) }) }, async (h) => {
      expect(theError(await h.run({ command: 'list' }))).toMatch(/did not end after 100000 items; the server's paging never ends/);
      expect(h.mock.requests.length).toBeLessThanOrEqual(1000 + 10);
    });
  });

  it('a count that lies high: stops on the first short page', async () => {
    await withMock(node, { countOverride: 5000 }, async (h) => {
      for (let i = 0; i < 150; i++) h.mock.addKey('staging', { name: `k${i}` });
      const result = await h.run({ command: 'list' });
      expect(result.outputs.count).toBe('150');
      expect(h.mock.requests.length).toBeLessThanOrEqual(2 + 10);
    });
  });
});

describe('many runs at once (a matrix)', () => {
  it('each run gets its own key and its own outputs', async () => {
    await withMock(node, {}, async (h) => {
      const runs = Array.from({ length: 8 }, (_, i) => ({ workspace: i % 2 ? 'production' : 'staging', name: `env-${i}` }));
      const results = await Promise.all(runs.map((inputs) => h.run(inputs)));
      const all = [...h.mock.keys.get('staging')!, ...h.mock.keys.get('production')!];
      expect(all).toHaveLength(8);
      results.forEach((result, i) => {
        expect(result.exitCode).toBe(0);
        const key = all.find((k) => k.id === result.outputs['key-id'])!;
        expect(key.name).toBe(`env-${i}`);
        // The secret handed to this run is the one SuprSend made for this run's key (its preview is the secret's start).
        expect(key.masked_api_key).toBe(`${result.outputs['api-key']!.slice(0, 10)}*****`);
        expect(result.outputs['masked-api-key']).toBe(key.masked_api_key);
      });
      expect(new Set(results.map((r) => r.outputs['api-key'])).size).toBe(8);
      expect(new Set(results.map((r) => r.outputs['key-id'])).size).toBe(8);
    });
  });
});

describe('inputs the runner hands over', () => {
  it('numbers with spaces around them are trimmed by the runner and accepted', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ command: 'list', retries: ' 2 ', 'timeout-seconds': ' 10 ' });
      expect(result.exitCode).toBe(0);
      expect(keyIds(result.outputs.keys)).toEqual([]);
    });
  });
});
