/**
 * Key lifecycle end to end through dist/: disable by id and by name, idempotent
 * create, rotation across runs, ephemeral keys disabled by the post step (run as
 * the runner runs it, with the saved state as STATE_*), traceable descriptions.
 */
import { describe, expect, it } from '@jest/globals';
import { deletes, RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

const daysAgo = (n: number): string => ago(n * DAY);
const ids = (json: string | undefined): string[] => JSON.parse(json ?? '[]') as string[];

describe('lifecycle', () => {
  describe('delete by key-id', () => {
    it('disables the given keys with one listing and one DELETE each', async () => {
      await withMock(node, {}, async (h) => {
        const [a, b, c] = ['a', 'b', 'c'].map((name) => h.mock.addKey('staging', { name }));
        const result = await h.run({ command: 'delete', 'key-id': `${a!.id}, ${b!.id}` });
        expect(result.exitCode).toBe(0);
        expect(ids(result.outputs['deleted-key-ids']).sort()).toEqual([a!.id, b!.id].sort());
        expect(h.mock.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
        expect(deletes(h).sort()).toEqual([a!.id, b!.id].sort());
        expect(c!.is_deleted).toBe(false);
        expect(result.summary).toContain('2 disabled');
      });
    });

    it('fails naming unknown ids, and disables nothing', async () => {
      await withMock(node, {}, async (h) => {
        const a = h.mock.addKey('staging', { name: 'a' });
        const error = theError(await h.run({ command: 'delete', 'key-id': `${a.id} ws_apik_nope` }));
        expect(error).toMatch(/No key with id ws_apik_nope in workspace 'staging', so nothing was disabled/);
        expect(deletes(h)).toEqual([]);
        expect(a.is_deleted).toBe(false);
      });
    });

    it('converges on a re-run: already disabled keys are not an error', async () => {
      await withMock(node, {}, async (h) => {
        const a = h.mock.addKey('staging', { name: 'a' });
        expect((await h.run({ command: 'delete', 'key-id': a.id })).exitCode).toBe(0);
        const again = await h.run({ command: 'delete', 'key-id': a.id });
        expect(again.exitCode).toBe(0);
        expect(again.outputs['deleted-key-ids']).toBe('[]');
        expect(deletes(h)).toEqual([a.id]);
        expect(again.summary).toContain('1 already disabled');
      });
    });

    it('retries a DELETE through a 503 like a GET', async () => {
      await withMock(
        node,
        { fault: (r, n) => (r.method === 'DELETE' && n === 1 ? { status: 503, headers: { 'retry-after': '0' } } : undefined) },
        async (h) => {
          const a = h.mock.addKey('staging', { name: 'a' });
          const result = await h.run({ command: 'delete', 'key-id': a.id });
          expect(result.exitCode).toBe(0);
          expect(deletes(h)).toEqual([a.id, a.id]);
          expect(a.is_deleted).toBe(true);
        }
      );
    });

    it('reports what was and was not disabled when a DELETE keeps failing', async () => {
      await withMock(
        node,
        { fault: (r) => (r.method === 'DELETE' && r.path.includes('bad') ? { status: 500, body: '{"message":"db down"}' } : undefined) },
        async (h) => {
          const good = h.mock.addKey('staging', { name: 'a' });
          h.mock.addKey('staging', { name: 'b', id: 'ws_apik_bad' });
          const result = await h.run({ command: 'delete', 'key-id': `${good.id},ws_apik_bad`, retries: '0' });
          const error = theError(result);
          expect(error).toMatch(new RegExp(`Could not disable 1 of 2 keys .*\\(disabled: ${good.id}\\)`));
          expect(error).toMatch(/ws_apik_bad: SuprSend failed to disable key ws_apik_bad .*db down/);
          expect(result.outputs['deleted-key-ids']).toBe(JSON.stringify([good.id]));
        }
      );
    });
  });

  describe('delete by name', () => {
    it('keeps the newest N active keys and disables the rest', async () => {
      await withMock(node, {}, async (h) => {
        const oldest = h.mock.addKey('staging', { name: 'app', created_at: daysAgo(30) });
        const newest = h.mock.addKey('staging', { name: 'app', created_at: daysAgo(1) });
        const middle = h.mock.addKey('staging', { name: 'app', created_at: daysAgo(10) });
        const other = h.mock.addKey('staging', { name: 'app-2', created_at: daysAgo(50) });
        const result = await h.run({ command: 'delete', name: 'app', keep: '1' });
        expect(result.exitCode).toBe(0);
        expect(ids(result.outputs['deleted-key-ids']).sort()).toEqual([oldest.id, middle.id].sort());
        expect([newest.is_deleted, other.is_deleted]).toEqual([false, false]);
      });
    });

    it('fails before any request with neither key-id nor name, or with both', async () => {
      await withMock(node, {}, async (h) => {
        expect(theError(await h.run({ command: 'delete' }))).toMatch(/'key-id': \(or 'name', or 'older-than-days'\) is required/);
        expect(theError(await h.run({ command: 'delete', name: 'app', 'key-id': 'ws_apik_1' }))).toMatch(/pick one/);
        expect(h.mock.requests).toEqual([]);
      });
    });
  });

  describe('if-exists', () => {
    it('skip reuses the newest active key: no POST, no secret, created=false', async () => {
      await withMock(node, {}, async (h) => {
        h.mock.addKey('staging', { name: 'app', created_at: daysAgo(5) });
        const newest = h.mock.addKey('staging', { name: 'app', created_at: daysAgo(2) });
        h.mock.addKey('staging', { name: 'app', created_at: daysAgo(1), is_deleted: true });
        const result = await h.run({ name: 'app', 'if-exists': 'skip' });
        expect(result.exitCode).toBe(0);
        expect(result.outputs).toEqual({
          'key-id': newest.id,
          'masked-api-key': newest.masked_api_key,
          created: 'false',
          workspaces: '["staging"]'
        });
        expect(h.mock.requests.map((r) => r.method)).toEqual(['GET']);
        expect(result.summary).toContain('reused');
      });
    });

    it('skip creates when no active key has the name (two requests)', async () => {
      await withMock(node, {}, async (h) => {
        h.mock.addKey('staging', { name: 'app', is_deleted: true });
        const result = await h.run({ name: 'app', 'if-exists': 'skip' });
        expect(result.outputs.created).toBe('true');
        expect(result.outputs['api-key']).toBe(h.mock.secrets[0]);
        expect(h.mock.requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      });
    });

    it('fail names the existing keys and creates nothing', async () => {
      await withMock(node, {}, async (h) => {
        const existing = h.mock.addKey('staging', { name: 'app' });
        const error = theError(await h.run({ name: 'app', 'if-exists': 'fail' }));
        expect(error).toContain(`1 active key named "app" already exists in workspace 'staging' (${existing.id})`);
        expect(h.mock.requests.map((r) => r.method)).toEqual(['GET']);
      });
    });

    it('a re-run of create with skip converges on one key', async () => {
      await withMock(node, {}, async (h) => {
        const first = await h.run({ name: 'app', 'if-exists': 'skip' });
        const again = await h.run({ name: 'app', 'if-exists': 'skip' });
        expect([first.outputs.created, again.outputs.created]).toEqual(['true', 'false']);
        expect(again.outputs['key-id']).toBe(first.outputs['key-id']);
        expect(h.mock.keys.get('staging')).toHaveLength(1);
      });
    });

    it('create (the default) adds another key', async () => {
      await withMock(node, {}, async (h) => {
        h.mock.addKey('staging', { name: 'app' });
        expect((await h.run({ name: 'app' })).outputs.created).toBe('true');
        expect(h.mock.keys.get('staging')).toHaveLength(2);
      });
    });
  });

  describe('rotation: create, deploy, delete keep 1', () => {
    it('leaves exactly one active key per name after each of several runs, and re-runs converge', async () => {
      await withMock(node, {}, async (h) => {
        const created: string[] = [];
        for (let run = 0; run < 3; run++) {
          const create = await h.run({ name: 'backend', description: `deploy ${run}` });
          created.push(create.outputs['key-id']!);
          const rotate = await h.run({ command: 'delete', name: 'backend', keep: '1' });
          expect(rotate.exitCode).toBe(0);
          const active = h.mock.keys.get('staging')!.filter((k) => !k.is_deleted);
          expect(active.map((k) => k.id)).toEqual([create.outputs['key-id']]);
          expect(ids(rotate.outputs['deleted-key-ids'])).toEqual(run === 0 ? [] : [created[run - 1]]);
        }
        const again = await h.run({ command: 'delete', name: 'backend', keep: '1' });
        expect(again.outputs['deleted-key-ids']).toBe('[]');
      });
    });
  });

  describe('ephemeral keys', () => {
    it('the post step disables exactly the key the main step created', async () => {
      await withMock(node, {}, async (h) => {
        const other = h.mock.addKey('staging', { name: 'ci' });
        const main = await h.run({ name: 'ci', ephemeral: 'true' });
        expect(main.exitCode).toBe(0);
        // The post step has an entry of its own: the main step saves only the key to disable.
        expect(main.state).toEqual({ 'ephemeral-key-id': main.outputs['key-id'] });
        const before = h.mock.requests.length;
        const post = await h.run({ name: 'ci', ephemeral: 'true' }, { postState: main.state });
        expect(post.exitCode).toBe(0);
        expect(h.mock.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
          `DELETE /v1/staging/ws_api_key/${main.outputs['key-id']}/`
        ]);
        expect(post.stdout).toContain(`Disabled ephemeral key ${main.outputs['key-id']}`);
        expect(other.is_deleted).toBe(false);
      });
    });

    it('a post step that cannot disable the key warns with its id and does not fail the job', async () => {
      await withMock(
        node,
        { fault: (r) => (r.method === 'DELETE' ? { status: 500, body: '{"message":"nope"}' } : undefined) },
        async (h) => {
          const main = await h.run({ name: 'ci', ephemeral: 'true' });
          const post = await h.run({ name: 'ci', ephemeral: 'true', retries: '0' }, { postState: main.state });
          expect(post.exitCode).toBe(0);
          expect(post.errors).toEqual([]);
          expect(post.warnings).toHaveLength(1);
          expect(post.warnings[0]).toContain(`Could not disable ephemeral key ${main.outputs['key-id']} in workspace 'staging'`);
          expect(post.warnings[0]).toContain(`key-id ${main.outputs['key-id']}`);
        }
      );
    });

    it('without ephemeral, or when nothing was created, the post step does nothing', async () => {
      await withMock(node, {}, async (h) => {
        h.mock.addKey('staging', { name: 'ci' });
        const plain = await h.run({ name: 'ci' });
        const skipped = await h.run({ name: 'ci', ephemeral: 'true', 'if-exists': 'skip' });
        expect(skipped.state['ephemeral-key-id']).toBeUndefined();
        const before = h.mock.requests.length;
        for (const main of [plain, skipped]) {
          const post = await h.run({ name: 'ci' }, { postState: main.state });
          expect(post.exitCode).toBe(0);
          expect(post.stdout).toBe('');
          expect(post.stderr).toBe('');
        }
        expect(h.mock.requests.length).toBe(before);
      });
    });
  });

  it('an empty description traces the key to the workflow run', async () => {
    await withMock(node, {}, async (h) => {
      const env = {
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_WORKFLOW: 'Deploy',
        GITHUB_RUN_NUMBER: '42',
        GITHUB_RUN_ID: '9001',
        GITHUB_SERVER_URL: 'https://github.com'
      };
      await h.run({ name: 'app' }, { env });
      expect(JSON.parse(h.mock.requests[0]!.body)).toEqual({
        name: 'app',
        description: 'Created by GitHub Actions in acme/shop, workflow "Deploy", run #42 https://github.com/acme/shop/actions/runs/9001'
      });
    });
  });

  it.each([
    [{ command: 'delete', name: 'a', keep: '-1' }, /'keep'/],
    [{ name: 'a', 'if-exists': 'sometimes' }, /'if-exists'/],
    [{ name: 'a', ephemeral: 'yes' }, /'ephemeral'/]
  ])('bad value %j fails before any request, naming the input', async (inputs, pattern) => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run(inputs))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
    });
  });
});
