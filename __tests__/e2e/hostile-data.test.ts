/**
 * Everything the server sends is hostile, and a created key is never lost: end to end
 * through dist/ under the runner's Node, against the fake server made hostile, and with
 * the runner's files pointed at paths that cannot be written. In every run (besides what
 * the harness checks: no secret outside ::add-mask::, no stack trace): no request leaves
 * the given workspace's key endpoints, and no workflow command is born from server text.
 */
import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import type { RunResult } from '../../tools/run-action.js';
import { MOCK_TOKEN } from '../../tools/mock-server.js';
import { expectNoLeak, NODES, theError, withMock, type Harness } from '../../test-support/e2e.js';

const [, node] = NODES[0]!;
const UNWRITABLE = '/nonexistent-dir/runner-file';

/** Every request stayed on `/v1/staging/ws_api_key/` or one key id below it. */
function expectOnlyStagingKeyPaths(h: Harness): void {
  for (const r of h.mock.requests) expect(r.path).toMatch(/^\/v1\/staging\/ws_api_key\/(?:[A-Za-z0-9_-]+\/)?$/);
}

/** The workflow commands in stdout: only the action's own kinds, and no error unless the step failed. */
function commandsIn(result: RunResult): string[] {
  return result.stdout
    .split('\n')
    .filter((line) => /^\s*::/.test(line) || line.includes('##['))
    .map((line) => /^\s*::([a-z-]+)/.exec(line)?.[1] ?? line);
}

const listing = (keys: Record<string, unknown>[]): string => JSON.stringify({ meta: { count: keys.length }, results: keys });

describe('server data cannot steer requests', () => {
  it('a listed id with ../ or .. is skipped with a warning: no DELETE leaves the workspace', async () => {
    const keys = [
      { id: 'ws_apik_good', name: 'app', is_deleted: false },
      { id: '../../production/ws_api_key/ws_apik_x', name: 'app', is_deleted: false },
      { id: '..', name: 'app', is_deleted: false },
      { id: 'ws_apik_a?b=c', name: 'app', is_deleted: false }
    ];
    const fault = (r: { method: string }) => (r.method === 'GET' ? { status: 200, body: listing(keys) } : undefined);
    await withMock(node, { fault }, async (h) => {
      h.mock.addKey('staging', { id: 'ws_apik_good', name: 'app' });
      const result = await h.run({ command: 'delete', name: 'app' });
      expect(result.exitCode).toBe(0);
      expect(h.mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/v1/staging/ws_api_key/ws_apik_good/']);
      expectOnlyStagingKeyPaths(h);
      expect(result.warnings).toHaveLength(3);
      expect(result.warnings[0]).toContain('(name "app"): its id "../../production/ws_api_key/ws_apik_x" is not a key id');
      expect(JSON.parse(result.outputs['deleted-key-ids']!)).toEqual(['ws_apik_good']);
    });
  });

  it('a create answer with a path in its id: the step fails, nothing is saved for the post step, nothing else is sent', async () => {
    const secret = 'SS.hostileCreateSecret0123456789';
    const body = JSON.stringify({ id: '../../production/ws_api_key/ws_apik_x', api_key: secret, name: 'ci' });
    await withMock(node, { fault: (r) => (r.method === 'POST' ? { status: 201, body } : undefined) }, async (h) => {
      const result = await h.run({ name: 'ci', ephemeral: 'true' });
      expect(theError(result)).toMatch(/with a key id that is not one \("\.\.\/\.\.\/production.*disable it in the SuprSend dashboard/);
      expect(result.state).toEqual({});
      expect(h.mock.requests.map((r) => r.method)).toEqual(['POST']);
      expectNoLeak(result, [secret]);
    });
  });
});

describe('server text never becomes a workflow command or a live link', () => {
  const hostileName = 'x\n::error::y';
  it('a key named "x\\n::error::y", and ids and people with ##[ and ::stop-commands::, make no command', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', {
        name: hostileName,
        created_at: '2020-01-01T00:00:00Z',
        created_by: { name: '##[error]forged', email: '\n::stop-commands::x' }
      });
      h.mock.addKey('staging', { name: '##[add-mask]nothing\r::warning::z', created_at: '2020-01-01T00:00:00Z' });
      const result = await h.run({ command: 'list', 'max-age-days': '30' });
      expect(result.exitCode).toBe(0);
      expect(result.errors).toEqual([]);
      // Only the token's mask and the two stale-key warnings: nothing the server wrote.
      expect(commandsIn(result)).toEqual(['add-mask', 'debug', 'warning', 'warning']);
      expect(result.stdout).not.toMatch(/^\s*::(error|stop-commands)/m);
      expect(result.stdout).not.toContain('##[');
    });
  });

  it('the post step prints a hostile state id neither raw nor as a command, and disables nothing', async () => {
    await withMock(node, {}, async (h) => {
      const post = await h.run({ name: 'ci' }, { postState: { 'ephemeral-key-id': 'ws_apik_1\n::error::forged\n::stop-commands::t' } });
      expect(post.exitCode).toBe(0);
      expect(post.errors).toEqual([]);
      expect(commandsIn(post)).toEqual(['add-mask', 'warning']);
      expect(post.warnings[0]).toContain('Could not disable ephemeral key "ws_apik_1\\n::error::forged\\n::stop-commands::t"');
      expect(h.mock.requests).toEqual([]);
    });
  });

  it('names, people and masked keys shaped like Markdown links render as text in the summary', async () => {
    const link = '[Rotate this key now](https://evil.example/login)';
    await withMock(node, {}, async (h) => {
      const key = h.mock.addKey('staging', {
        name: link,
        masked_api_key: `${link} https://evil.example www.evil.example`,
        created_by: { name: '<a href="https://evil.example">me</a>', email: 'phish@evil.example' }
      });
      const listed = await h.run({ command: 'list' });
      const deleted = await h.run({ command: 'delete', name: link });
      expect(deleted.outputs['deleted-key-ids']).toBe(JSON.stringify([key.id]));
      // markdown-it with linkify links more eagerly than GitHub: if it makes no link, GitHub does not either.
      const md = new MarkdownIt({ html: true, linkify: true });
      for (const result of [listed, deleted]) {
        expect(result.summary).toContain('&#91;Rotate this key now&#93;');
        expect(md.render(result.summary)).not.toMatch(/<a[\s>]/);
      }
    });
  });

  it.each([
    ['a JSON error', 'application/json', JSON.stringify({ message: 'bad\u001b[31mred\u0007\u0008\u0000 end' })],
    ['a text/plain 502', 'text/plain', 'bad\u001b[31mred\u0007\u0008\u0000 end']
  ])('control characters in %s are escaped in the ::error::', async (_what, type, body) => {
    const status = type === 'text/plain' ? 502 : 400;
    await withMock(node, { fault: () => ({ status, headers: { 'content-type': type }, body }) }, async (h) => {
      const result = await h.run({ command: 'list', retries: '0' });
      expect(theError(result)).toContain('bad\\u001b[31mred\\u0007\\u0008\\u0000 end');
      // eslint-disable-next-line no-control-regex
      expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    });
  });

  it('an error body nested 200,000 levels deep still says who refused what', async () => {
    const body = `{"detail":${'['.repeat(200_000)}"deep"${']'.repeat(200_000)},"message":"too deep"}`;
    await withMock(node, { fault: () => ({ status: 400, body }) }, async (h) => {
      expect(theError(await h.run({ command: 'list' }))).toMatch(
        /^SuprSend refused to list the keys of workspace 'staging' \(HTTP 400: too deep; …\)\.$/
      );
    });
  });
});

describe('secrets only where they belong', () => {
  it("a masked_api_key that holds the secret is not passed on: only 'api-key' carries it", async () => {
    const secret = 'SS.theWholeSecretInThePreview0123';
    const body = JSON.stringify({ id: 'ws_apik_1', api_key: secret, masked_api_key: `${secret} (masked)`, name: 'app' });
    await withMock(node, { fault: (r) => (r.method === 'POST' ? { status: 201, body } : undefined) }, async (h) => {
      const result = await h.run({ name: 'app' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['api-key']).toBe(secret);
      expect(result.outputs['masked-api-key']).toBe('');
      expectNoLeak(result, [secret]);
    });
  });

  it('a listing that echoes the service token keeps it out of keys and the keys file', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: `token ${MOCK_TOKEN}`, description: MOCK_TOKEN, created_by: { name: MOCK_TOKEN, email: '' } });
      const result = await h.run({ command: 'list' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.keys).toContain('"name":"token ***"');
      const [file] = Object.values(result.tempFiles);
      expect(file).toContain('"description":"***"');
      // The harness's leak check covers every output and file; this run must have been checked.
      expect(Object.keys(result.tempFiles)).toHaveLength(1);
    });
  });
});

describe('a created key is never lost when the runner files fail', () => {
  const disabled = (h: Harness, id: string | undefined): boolean | undefined =>
    h.mock.keys.get('staging')!.find((k) => k.id === id)?.is_deleted;
  const newKeyId = (h: Harness): string => h.mock.keys.get('staging')![0]!.id;

  it('GITHUB_OUTPUT cannot be written after a create: the key is disabled again, and the error says so', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'app' }, { env: { GITHUB_OUTPUT: UNWRITABLE } });
      const id = newKeyId(h);
      expect(theError(result)).toMatch(
        new RegExp(`^Could not write the step outputs to GITHUB_OUTPUT \\(${UNWRITABLE}\\): .*\\. The new key ${id} was disabled again`)
      );
      expect(disabled(h, id)).toBe(true);
      expectOnlyStagingKeyPaths(h);
    });
  });

  it('and if disabling it fails too, the error names the key to disable by hand', async () => {
    const fault = (r: { method: string }) => (r.method === 'DELETE' ? { status: 500, body: '{"message":"down"}' } : undefined);
    await withMock(node, { fault }, async (h) => {
      const result = await h.run({ name: 'app', retries: '0' }, { env: { GITHUB_OUTPUT: UNWRITABLE } });
      const id = newKeyId(h);
      expect(theError(result)).toMatch(
        new RegExp(`Disabling the new key ${id} failed too \\(.*HTTP 500: down.*\\): it is live .* command 'delete' with key-id ${id}\\.$`)
      );
      expect(disabled(h, id)).toBe(false);
    });
  });

  it('GITHUB_STATE cannot be written with ephemeral: a clear error, the key disabled again, no stack trace', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'ci', ephemeral: 'true' }, { env: { GITHUB_STATE: UNWRITABLE } });
      const id = newKeyId(h);
      expect(theError(result)).toMatch(
        new RegExp(`^Could not write the state for the post step to GITHUB_STATE \\(${UNWRITABLE}\\): .*${id} was disabled again`)
      );
      expect(disabled(h, id)).toBe(true);
      expect(result.stderr).toBe('');
    });
  });

  it('GITHUB_STATE unwritable does not matter when nothing is saved for the post step', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'app' }, { env: { GITHUB_STATE: UNWRITABLE } });
      expect(result.exitCode).toBe(0);
      expect(disabled(h, newKeyId(h))).toBe(false);
    });
  });

  it.each([
    ['GITHUB_OUTPUT', 'the step outputs', { command: 'list' }],
    ['RUNNER_TEMP', 'the keys file', { command: 'list' }],
    ['GITHUB_OUTPUT', 'the step outputs', { command: 'delete', name: 'app' }]
  ])('%s unwritable on %j: one worded error', async (variable, what, inputs) => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'app' });
      const result = await h.run(inputs, { env: { [variable]: UNWRITABLE } });
      expect(theError(result)).toMatch(new RegExp(`^Could not write ${what} to ${variable} \\(${UNWRITABLE}\\): `));
      expect(result.errors[0]).not.toContain('Unexpected');
    });
  });

  it('GITHUB_STEP_SUMMARY unwritable: a warning naming it, and the step stays green', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'app' }, { env: { GITHUB_STEP_SUMMARY: UNWRITABLE } });
      expect(result.exitCode).toBe(0);
      expect(result.warnings).toEqual([
        expect.stringMatching(new RegExp(`^Could not write the job summary to GITHUB_STEP_SUMMARY \\(${UNWRITABLE}\\): `))
      ]);
      expect(disabled(h, newKeyId(h))).toBe(false);
    });
  });
});
