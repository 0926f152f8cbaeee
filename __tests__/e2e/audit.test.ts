/**
 * Audit jobs end to end through dist/: filters, stale keys at the boundary,
 * annotations, fail-on-stale that still reports, summary on and off, and a
 * workspace of thousands of keys. The fake server sets each key's created_at.
 */
import { describe, expect, it } from '@jest/globals';
import { keyIds, RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { rowWith, summaryRows } from '../../test-support/summary.js';
import { ago, DAY } from '../../test-support/util.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

describe('audit', () => {
  it('writes the same keys to the keys-file output, in RUNNER_TEMP', async () => {
    await withMock(node, {}, async (h) => {
      for (let i = 0; i < 3; i++) h.mock.addKey('staging', { name: `k${i}` });
      const result = await h.run({ command: 'list' });
      const path = result.outputs['keys-file']!;
      expect(path.endsWith('/suprsend-keys.json')).toBe(true);
      expect(result.tempFiles[path]).toBe(result.outputs.keys);
      expect(keyIds(result.outputs.keys)).toHaveLength(3);
    });
  });

  it('filters by name and leaves disabled keys out unless asked', async () => {
    await withMock(node, {}, async (h) => {
      const a = h.mock.addKey('staging', { name: 'app' });
      const dead = h.mock.addKey('staging', { name: 'app', is_deleted: true });
      h.mock.addKey('staging', { name: 'other' });
      const named = await h.run({ command: 'list', name: 'app' });
      expect(keyIds(named.outputs.keys)).toEqual([a.id]);
      expect(named.outputs.count).toBe('1');
      expect(named.summary).toMatch(/1 key in `staging`; 1 disabled not shown/);
      const all = await h.run({ command: 'list', name: 'app', 'include-deleted': 'true' });
      expect(keyIds(all.outputs.keys)).toEqual([a.id, dead.id]);
      expect(rowWith(all.summary, dead.id)?.at(-1)).toBe('disabled');
    });
  });

  it('flags keys exactly max-age-days old, not younger ones, with a warning each', async () => {
    await withMock(node, {}, async (h) => {
      const exact = h.mock.addKey('staging', { name: 'exact', created_at: ago(90 * DAY) });
      const young = h.mock.addKey('staging', { name: 'young', created_at: ago(90 * DAY - 60_000) });
      const ancient = h.mock.addKey('staging', { name: 'ancient', created_at: ago(400 * DAY) });
      h.mock.addKey('staging', { name: 'ancient-but-disabled', created_at: ago(400 * DAY), is_deleted: true });
      const result = await h.run({ command: 'list', 'max-age-days': '90' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['stale-count']).toBe('2');
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toEqual([ancient.id, exact.id]);
      expect(result.warnings).toEqual([
        `Key "ancient" (${ancient.id}) in workspace 'staging' is 400 days old, older than 90 days: rotate it.`,
        `Key "exact" (${exact.id}) in workspace 'staging' is 90 days old, older than 90 days: rotate it.`
      ]);
      expect(result.stdout).toContain('::warning title=Stale SuprSend API key::');
      // Headline with counts; stale rows first, then the rest.
      expect(result.summary).toContain('### 3 keys in `staging`, 2 stale (older than 90 days); 1 disabled not shown');
      const order = [ancient.id, exact.id, young.id].map((id) => result.summary.indexOf(id));
      expect(order).toEqual([...order].sort((x, y) => x - y));
      expect(rowWith(result.summary, young.id)?.slice(3)).toEqual([
        `${young.created_at!.slice(0, 10)} (89 days)`,
        'System User <org_mock@systemuser.suprsend.com>',
        'active'
      ]);
      expect(rowWith(result.summary, exact.id)?.at(3)).toMatch(/\(90 days\)$/);
      expect(rowWith(result.summary, exact.id)?.at(-1)).toBe('⚠️ stale');
    });
  });

  it('without max-age-days nothing is stale', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'ancient', created_at: ago(4000 * DAY) });
      const result = await h.run({ command: 'list' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({ 'stale-count': '0', 'stale-key-ids': '[]' });
      expect(result.warnings).toEqual([]);
    });
  });

  it('fail-on-stale without max-age-days is refused before any request', async () => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run({ command: 'list', 'fail-on-stale': 'true' }))).toMatch(/'fail-on-stale': needs 'max-age-days'/);
      expect(h.mock.requests).toEqual([]);
    });
  });

  it('fail-on-stale fails the step after writing outputs and summary', async () => {
    await withMock(node, {}, async (h) => {
      const old = h.mock.addKey('staging', { name: 'old', created_at: ago(100 * DAY) });
      h.mock.addKey('staging', { name: 'new', created_at: ago(DAY) });
      const result = await h.run({ command: 'list', 'max-age-days': '30', 'fail-on-stale': 'true' });
      const error = theError(result);
      expect(error).toContain(
        "1 of 2 keys in workspace 'staging' is older than 30 days; the 'stale-key-ids' output and the job summary list them"
      );
      expect(error).toMatch(/\. Rotate them: command 'rotate' with each name, or create, deploy, then 'delete' with 'keep: 1'\.$/);
      expect(result.outputs).toMatchObject({ count: '2', 'stale-count': '1', 'stale-key-ids': JSON.stringify([old.id]) });
      expect(result.summary).toContain('2 keys in `staging`, 1 stale (older than 30 days)');
      expect(result.warnings).toHaveLength(1);
    });
  });

  it('reports a key without a readable created_at instead of treating it as fresh', async () => {
    await withMock(node, {}, async (h) => {
      const undated = h.mock.addKey('staging', { name: 'mystery', created_at: 'not a date' });
      const result = await h.run({ command: 'list', 'max-age-days': '30' });
      expect(result.outputs['stale-count']).toBe('0');
      expect(result.warnings).toEqual([
        `Key "mystery" (${undated.id}) in workspace 'staging' has no readable created_at, so its age is unknown.`
      ]);
      expect(result.summary).toContain('1 without a readable creation date');
      expect(result.summary).toContain('unknown (no readable created_at)');
    });
  });

  it('summary: false writes no summary for any command', async () => {
    await withMock(node, {}, async (h) => {
      const created = await h.run({ name: 'app', summary: 'false' });
      const listed = await h.run({ command: 'list', summary: 'false' });
      const deleted = await h.run({ command: 'delete', 'key-id': created.outputs['key-id']!, summary: 'false' });
      for (const result of [created, listed, deleted]) {
        expect(result.exitCode).toBe(0);
        expect(result.summary).toBe('');
      }
    });
  });

  it('the create and delete summaries show ids, names and masked keys', async () => {
    await withMock(node, {}, async (h) => {
      const created = await h.run({ name: 'app' });
      const key = h.mock.keys.get('staging')![0]!;
      expect(summaryRows(created.summary)).toEqual([
        ['Workspace', 'Name', 'Key id', 'Masked key'],
        ['staging', 'app', key.id, key.masked_api_key]
      ]);
      const deleted = await h.run({ command: 'delete', name: 'app' });
      expect(rowWith(deleted.summary, key.id)).toEqual(['app', key.id, key.masked_api_key, key.created_at!.slice(0, 10), 'disabled now']);
    });
  });

  it('lists a workspace of 12,000 keys (over 10 requests per kept-alive socket) with nothing on stderr, and cuts the summary under 1 MiB', async () => {
    await withMock(node, {}, async (h) => {
      for (let i = 0; i < 12000; i++) {
        h.mock.addKey('staging', { name: `service-${i}-with-a-longer-descriptive-name`, created_at: ago((i % 400) * DAY) });
      }
      const result = await h.run({ command: 'list', 'max-age-days': '365' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.count).toBe('12000');
      expect(result.stderr).toBe('');
      // Over GitHub's 1 MB output limit: 'keys' is empty, with a warning, and the file has every key.
      expect(result.outputs.keys).toBe('');
      expect(result.warnings).toContainEqual(
        expect.stringMatching(/The 'keys' output would be \d+\.\d MB, over GitHub's 1 MB limit .* all 12000 keys .*'keys-file'/)
      );
      expect(new Set(keyIds(result.tempFiles[result.outputs['keys-file']!])).size).toBe(12000);
      expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024);
      expect(result.summary).toMatch(
        /…and \d+ more keys not shown: a job summary holds at most 1 MiB\. The `keys-file` output lists them all\./
      );
      expect(h.mock.requests).toHaveLength(120);
    });
  });
});
