/**
 * The Node matrix, in one smoke suite: every command, end to end through dist/, under the runner's
 * Node (24) and, where it differs, the machine's. The other end-to-end suites run under the runner's
 * Node only; this one fails the day dist/ stops running on a Node the project supports or is built on.
 */
import { describe, expect, it } from '@jest/globals';
import { keyIds, NODES, withGitHub, withMock } from '../../test-support/e2e.js';
import { liveKeys, STORE_SECRET } from '../../test-support/github-scenarios.js';
import { ago, DAY } from '../../test-support/util.js';

describe.each(NODES)('every command on %s', (_label, node) => {
  it('create (ephemeral, then its post step), list, delete', async () => {
    await withMock(node, {}, async (h) => {
      const created = await h.run({ name: 'ci-run', ephemeral: 'true' });
      expect(created.exitCode).toBe(0);
      const id = created.outputs['key-id']!;
      expect(created.outputs['api-key']).toBe(h.mock.secrets[0]);
      // The runner starts the post step with the step's inputs and the state it saved.
      const post = await h.run({ name: 'ci-run', ephemeral: 'true' }, { postState: created.state });
      expect(post.stdout).toContain(`Disabled ephemeral key ${id}`);
      expect(liveKeys(h)).toEqual([]);
      const old = h.mock.addKey('staging', { name: 'api', created_at: ago(200 * DAY) });
      const listed = await h.run({ command: 'list', 'max-age-days': '90' });
      expect(keyIds(listed.outputs.keys)).toEqual([old.id]);
      expect(listed.outputs['stale-key-ids']).toBe(JSON.stringify([old.id]));
      expect((await h.run({ command: 'delete', 'key-id': old.id })).outputs['deleted-key-ids']).toBe(JSON.stringify([old.id]));
      expect(h.mock.keys.get('staging')!.find((k) => k.id === id)?.is_deleted).toBe(true);
    });
  });

  it('rotate into a repository secret: checked, sealed, stored, then the older key disabled', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const older = h.mock.addKey('staging', { name: 'backend', created_at: ago(50 * DAY) });
      const result = await h.run({ ...STORE_SECRET, command: 'rotate' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(liveKeys(h)).toEqual([result.outputs['key-id']]);
      expect(liveKeys(h)).not.toContain(older.id);
    });
  });
});
