/**
 * The action end to end, through dist/index.js as the runner runs it, against the
 * fake SuprSend server: create, list, errors, retries, masking. Under the runner's
 * Node 24 and the machine's Node.
 */
import { describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN } from '../../tools/mock-server.js';
import { VERSION } from '../../src/version.js';
import { RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { closedPort } from '../../test-support/util.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

describe('end to end', () => {
  describe('create', () => {
    it('creates one key, masks the secret before anything else, and outputs it', async () => {
      await withMock(node, {}, async ({ mock, run }) => {
        const result = await run({ name: 'backend-prod', description: 'Primary backend key' });
        expect(result.exitCode).toBe(0);
        expect(mock.requests).toHaveLength(1);
        const [request] = mock.requests;
        expect(request!.method).toBe('POST');
        expect(request!.path).toBe('/v1/staging/ws_api_key/');
        expect(request!.headers.authorization).toBe(`ServiceToken ${MOCK_TOKEN}`);
        expect(request!.headers['content-type']).toBe('application/json');
        expect(request!.headers['user-agent']).toBe(`suprsend-key-action/${VERSION}`);
        expect(JSON.parse(request!.body)).toEqual({ name: 'backend-prod', description: 'Primary backend key' });

        const secret = mock.secrets[0]!;
        const key = mock.keys.get('staging')![0]!;
        expect(result.outputs).toMatchObject({
          'key-id': key.id,
          'api-key': secret,
          'masked-api-key': key.masked_api_key,
          created: 'true'
        });
        // The token is masked first of all, the secret as soon as it arrives: before any line that follows the request.
        const lines = result.stdout.trim().split('\n');
        expect(lines.indexOf(`::add-mask::${MOCK_TOKEN}`)).toBe(lines.findIndex((l) => !l.startsWith('::save-state')));
        const maskAt = lines.indexOf(`::add-mask::${secret}`);
        const postLine = lines.findIndex((l) => l.startsWith('::debug::POST'));
        expect(maskAt).toBeGreaterThan(-1);
        expect(lines.slice(maskAt + 1).every((l) => !l.includes(secret))).toBe(true);
        expect(postLine).toBeGreaterThan(lines.indexOf(`::add-mask::${MOCK_TOKEN}`));
        // Debug lines: method, URL, status, time; no headers.
        expect(lines[postLine]).toMatch(new RegExp(`^::debug::POST ${mock.url}/v1/staging/ws_api_key/ -> 201 in \\d+ ms$`));
        expect(result.stdout).not.toContain('ServiceToken');
        // Summary: workspace, name, id, masked key.
        for (const text of ['staging', 'backend-prod', key.id, key.masked_api_key]) expect(result.summary).toContain(text);
      });
    });

    it('leaves out an empty description outside GitHub Actions, and sends JSON headers on reads too', async () => {
      await withMock(node, {}, async ({ mock, run }) => {
        await run({ name: 'no-description' });
        expect(JSON.parse(mock.requests[0]!.body)).toEqual({ name: 'no-description' });
        await run({ command: 'list' });
        const get = mock.requests[1]!;
        expect(get.method).toBe('GET');
        expect(get.headers['content-type']).toBe('application/json');
        expect(get.headers.authorization).toBe(`ServiceToken ${MOCK_TOKEN}`);
        expect(get.headers['user-agent']).toBe(`suprsend-key-action/${VERSION}`);
      });
    });

    it('retries a POST to a port that refuses connections (nothing was sent), then says so', async () => {
      const port = await closedPort();
      await withMock(node, {}, async ({ run }) => {
        const error = theError(await run({ name: 'app', 'base-url': `http://127.0.0.1:${port}`, retries: '2' }));
        expect(error).toMatch(/Could not reach SuprSend .*ECONNREFUSED.*after 2 retries/);
        expect(error).not.toMatch(/may have reached/);
      });
    });

    it('reads the token from SUPRSEND_SERVICE_TOKEN when the input is empty', async () => {
      await withMock(node, {}, async ({ mock, run }) => {
        const result = await run({ 'service-token': '', name: 'from-env' }, { env: { SUPRSEND_SERVICE_TOKEN: MOCK_TOKEN } });
        expect(result.exitCode).toBe(0);
        expect(result.stdout).toContain(`::add-mask::${MOCK_TOKEN}`);
        expect(mock.keys.get('staging')).toHaveLength(1);
      });
    });

    it('serves a base-url with a path prefix', async () => {
      await withMock(node, { prefix: '/proxy/suprsend' }, async ({ mock, run }) => {
        const result = await run({ name: 'app', 'base-url': `${mock.url}/proxy/suprsend/` });
        expect(result.exitCode).toBe(0);
        expect(mock.requests[0]!.path).toBe('/proxy/suprsend/v1/staging/ws_api_key/');
      });
    });

    it('fails naming the key id when a 2xx answer has no api_key', async () => {
      const body = JSON.stringify({ id: 'ws_apik_lost', name: 'app', masked_api_key: 'SS.abc*****' });
      await withMock(node, { fault: () => ({ status: 201, body }) }, async ({ run }) => {
        const error = theError(await run({ name: 'app' }));
        expect(error).toMatch(/no api_key/);
        expect(error).toContain('ws_apik_lost');
        expect(error).toMatch(/command 'delete'/);
      });
    });

    it('never repeats a POST that may have reached the server, and says the key may exist', async () => {
      for (const fault of [
        { status: 503, body: '{"message":"upstream down"}' },
        { reset: true as const },
        { processThenReset: true as const }
      ]) {
        await withMock(node, { fault: (r) => (r.method === 'POST' ? fault : undefined) }, async ({ mock, run }) => {
          const error = theError(await run({ name: 'app' }));
          expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
          expect(error).toMatch(/may have reached SuprSend/);
          expect(error).toMatch(/command 'list' and name "app"/);
        });
      }
    });

    it('repeats a POST refused with 429, after Retry-After, and creates one key', async () => {
      await withMock(
        node,
        { fault: (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': '0' }, body: '{}' } : undefined) },
        async ({ mock, run }) => {
          const result = await run({ name: 'app' });
          expect(result.exitCode).toBe(0);
          expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
          expect(mock.keys.get('staging')).toHaveLength(1);
          expect(result.outputs['api-key']).toBe(mock.secrets[0]);
        }
      );
    });

    it('fails at once when Retry-After asks for longer than it waits', async () => {
      await withMock(node, { fault: () => ({ status: 429, headers: { 'retry-after': '3600' }, body: '{}' }) }, async ({ mock, run }) => {
        const error = theError(await run({ name: 'app' }));
        expect(error).toMatch(/asked to wait 3600 s .*longer than the 60 s/);
        expect(mock.requests).toHaveLength(1);
      });
    });

    it('times out a server that never answers, naming the deadline, without repeating the POST', async () => {
      await withMock(node, { fault: () => ({ hang: true }) }, async ({ mock, run }) => {
        const error = theError(await run({ name: 'app', 'timeout-seconds': '0.5' }));
        expect(error).toMatch(/did not answer in time .*no complete response within 0.5 s.*'timeout-seconds'/);
        expect(error).toMatch(/may have reached SuprSend/);
        expect(mock.requests).toHaveLength(1);
      });
    });
  });

  describe('list', () => {
    it('follows every page and outputs the keys without duplicates or secrets', async () => {
      await withMock(node, {}, async ({ mock, run }) => {
        for (let i = 0; i < 250; i++) mock.addKey('staging', { name: `key-${i}` });
        const result = await run({ command: 'list' });
        expect(result.exitCode).toBe(0);
        const keys = JSON.parse(result.outputs.keys!) as { id: string; api_key?: string }[];
        expect(result.outputs.count).toBe('250');
        expect(keys.map((k) => k.id)).toEqual(mock.keys.get('staging')!.map((k) => k.id));
        expect(keys.some((k) => 'api_key' in k)).toBe(false);
        expect(mock.requests.map((r) => `${r.method} ${r.query.offset}/${r.query.limit}`).sort()).toEqual([
          'GET 0/100',
          'GET 100/100',
          'GET 200/100'
        ]);
        expect(result.summary).toContain('250 keys in `staging`');
      });
    });

    it('stops when the server ignores paging', async () => {
      await withMock(node, { ignorePaging: true }, async ({ mock, run }) => {
        for (let i = 0; i < 100; i++) mock.addKey('staging', { name: `k${i}` });
        mock.keys.get('staging')!.push(...Array.from({ length: 50 }, (_, i) => ({ ...mock.keys.get('staging')![0]!, id: `extra${i}` })));
        const result = await run({ command: 'list' });
        expect(result.exitCode).toBe(0);
        expect(result.outputs.count).toBe('100');
      });
    });

    it('retries a GET through a 5xx burst and a reset', async () => {
      const faults = [
        { status: 502, body: '<html><title>502 Bad Gateway</title></html>' },
        { reset: true as const },
        { status: 503, headers: { 'retry-after': '0' } }
      ];
      await withMock(node, { fault: (_r, n) => faults[n] }, async ({ mock, run }) => {
        mock.addKey('staging', { name: 'a' });
        const result = await run({ command: 'list' });
        expect(result.exitCode).toBe(0);
        expect(result.outputs.count).toBe('1');
        expect(mock.requests).toHaveLength(4);
      });
    });

    it('gives up after `retries`, saying what SuprSend said', async () => {
      await withMock(
        node,
        {
          fault: () => ({
            status: 502,
            headers: { 'content-type': 'text/html', 'retry-after': '0' },
            body: '<html><head><title>502 Bad Gateway</title></head></html>'
          })
        },
        async ({ mock, run }) => {
          const error = theError(await run({ command: 'list', retries: '2' }));
          expect(mock.requests).toHaveLength(3);
          expect(error).toMatch(/HTTP 502: 502 Bad Gateway\) after 2 retries/);
        }
      );
    });

    it('honours Retry-After given as an HTTP date', async () => {
      const date = new Date(Date.now() + 1000).toUTCString();
      await withMock(
        node,
        { fault: (_r, n) => (n === 0 ? { status: 429, headers: { 'retry-after': date } } : undefined) },
        async ({ mock, run }) => {
          const result = await run({ command: 'list' });
          expect(result.exitCode).toBe(0);
          expect(mock.requests).toHaveLength(2);
        }
      );
    });

    it('explains an answer that is not JSON', async () => {
      await withMock(
        node,
        { fault: () => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<html><title>Sign in to Proxy</title></html>' }) },
        async ({ run }) => {
          const error = theError(await run({ command: 'list' }));
          expect(error).toMatch(/not JSON \(content-type text\/html.*"Sign in to Proxy"\).*base-url/);
        }
      );
    });
  });
});
