/**
 * Errors the user can act on, end to end through dist/ against the fake SuprSend
 * server: each says what was wrong and how to fix it. Under the runner's Node 24 and
 * the machine's Node.
 */
import { describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN } from '../../tools/mock-server.js';
import { RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { closedPort } from '../../test-support/util.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

describe('errors', () => {
  describe('errors the user can act on', () => {
    it.each([
      ['a space', 'tok en-1234'],
      ['two lines', 'first-line-123\nsecond-line-456']
    ])('a malformed service token (%s) is masked, every line of it, before the error that rejects it', async (_what, token) => {
      await withMock(node, {}, async (h) => {
        const result = await h.run({ 'service-token': token });
        expect(theError(result)).toBe(
          "Input 'service-token': contains spaces, line breaks or characters outside printable ASCII; copy the token again without them."
        );
        const lines = result.stdout.split('\n');
        const errorAt = lines.findIndex((l) => l.startsWith('::error::'));
        const masks = lines.slice(0, errorAt).filter((l) => l.startsWith('::add-mask::'));
        for (const part of token.split('\n')) expect(masks).toContain(`::add-mask::${part}`);
        for (const part of token.split('\n')) expect(lines.filter((l) => l.includes(part) && !l.startsWith('::add-mask::'))).toEqual([]);
        expect(h.mock.requests).toEqual([]);
      });
    });

    it('401: the service token is wrong', async () => {
      await withMock(node, { token: 'another-token' }, async ({ run }) => {
        const error = theError(await run({ command: 'list' }));
        expect(error).toMatch(/rejected the service token \(HTTP 401: Invalid service token\. \[authentication_failed\]\)/);
        expect(error).toMatch(/'service-token'/);
      });
    });

    it('404: the workspace, named, does not exist', async () => {
      await withMock(node, {}, async ({ run }) => {
        const error = theError(await run({ command: 'list', workspace: 'prod' }));
        expect(error).toMatch(/Workspace 'prod' was not found \(HTTP 404: workspace 'prod' not found/);
      });
    });

    it("400: the API's own message, read from detail lists too", async () => {
      const body = JSON.stringify({ code: 400, detail: ['name too long', 'name must be unique'] });
      await withMock(node, { fault: () => ({ status: 400, body }) }, async ({ run }) => {
        const error = theError(await run({ name: 'x' }));
        expect(error).toContain(
          'SuprSend refused to create a key named "x" in workspace \'staging\' (HTTP 400: name too long; name must be unique)'
        );
      });
    });

    it('403: the token may not manage this workspace', async () => {
      const body = JSON.stringify({ code: 403, message: 'Permission denied for workspace' });
      await withMock(node, { fault: () => ({ status: 403, body }) }, async ({ mock, run }) => {
        const error = theError(await run({ command: 'list' }));
        expect(error).toContain(
          "The service token may not list the keys of workspace 'staging' (HTTP 403: Permission denied for workspace). Use a service token with access to workspace 'staging'."
        );
        expect(mock.requests).toHaveLength(1);
      });
    });

    it('an error body with only code and message (older endpoints) is read too', async () => {
      await withMock(
        node,
        { fault: () => ({ status: 409, body: '{"code":409,"message":"a key with this name is being created"}' }) },
        async ({ run }) => {
          expect(theError(await run({ name: 'x' }))).toContain('(HTTP 409: a key with this name is being created)');
        }
      );
    });

    it('an unreachable server: host and cause, retried for GET', async () => {
      const port = await closedPort();
      await withMock(node, {}, async ({ run }) => {
        const error = theError(await run({ command: 'list', 'base-url': `http://127.0.0.1:${port}`, retries: '1' }));
        expect(error).toContain(`Could not reach SuprSend at 127.0.0.1:${port}`);
        expect(error).toMatch(/ECONNREFUSED: connection refused .*after 1 retry/);
      });
    });

    it('a redirect is not followed (the token stays here)', async () => {
      await withMock(
        node,
        { fault: (_r, n) => (n === 0 ? { status: 301, headers: { location: 'http://127.0.0.2:1/elsewhere' } } : undefined) },
        async ({ mock, run }) => {
          const error = theError(await run({ command: 'list' }));
          expect(error).toMatch(/redirect \(HTTP 301 to http:\/\/127\.0\.0\.2:1\/elsewhere\).*'base-url'/);
          expect(mock.requests).toHaveLength(1);
        }
      );
    });

    it('redacts a secret the API echoes back in an error', async () => {
      const body = JSON.stringify({ message: `bad token ${MOCK_TOKEN} for key SS.ABCDEFGHIJKLMNOPQRSTUVWXYZ012345` });
      await withMock(node, { fault: () => ({ status: 400, body }) }, async ({ run }) => {
        const error = theError(await run({ name: 'x' }));
        expect(error).toContain('bad token *** for key ***');
      });
    });

    it.each([
      [{ 'service-token': '' }, /'service-token'/],
      [{ workspace: 'a/b' }, /'workspace'/],
      [{ command: 'renew' }, /'command'.*'create', 'list', 'delete', 'rotate'/],
      [{ name: '' }, /'name'.*required/],
      [{ 'base-url': 'file:///etc/passwd' }, /'base-url'/],
      [{ 'timeout-seconds': 'soon' }, /'timeout-seconds'/],
      [{ retries: '99' }, /'retries'/]
    ])('bad input %j fails before any request', async (inputs, pattern) => {
      await withMock(node, {}, async ({ mock, run }) => {
        const error = theError(await run({ name: 'app', ...inputs }));
        expect(error).toMatch(pattern);
        expect(mock.requests).toHaveLength(0);
      });
    });
  });
});
