/**
 * `list` streams: pages go to the keys file as they come in, in the listing's order, and only
 * what the log and the summary show is read back afterwards. End to end through dist/: order
 * kept when pages answer out of order, duplicates removed, one file in workspace order, and
 * nothing left in RUNNER_TEMP by a listing that fails.
 */
import { describe, expect, it } from '@jest/globals';
import { keyIds, NODES, theError, withMock, type Harness } from '../../test-support/e2e.js';
import { fullTables, summaryRows } from '../../test-support/summary.js';
import { ago, DAY } from '../../test-support/util.js';
import type { RecordedRequest } from '../../tools/mock-server.js';

const [, node] = NODES[0]!;
const pageOf = (r: RecordedRequest): number => Number(r.query.offset ?? 0) / 100;
const keysFiles = (files: Record<string, string>): string[] => Object.keys(files);

describe('list, streamed', () => {
  it('writes pages in the listing order when they answer out of order, and drops a key a shifted page repeats', async () => {
    let harness: Harness | undefined;
    // Asked for before any later page is answered (they are asked for only once the first is in):
    // a new key appears at the front, so every later page shifts by one; and the second page is slow.
    const shiftThenSlowSecondPage = (r: RecordedRequest): number => {
      if (harness === undefined || !r.path.includes('ws_api_key') || pageOf(r) === 0) return 0;
      const keys = harness.mock.keys.get('staging')!;
      if (keys.length === 450) {
        harness.mock.addKey('staging', { name: 'arrived-during-listing' });
        keys.unshift(keys.pop()!);
      }
      return pageOf(r) === 1 ? 150 : 0;
    };
    await withMock(node, { latencyMs: shiftThenSlowSecondPage }, async (h) => {
      harness = h;
      for (let i = 0; i < 450; i++) h.mock.addKey('staging', { name: `key-${i}` });
      const listed = h.mock.keys.get('staging')!.map((k) => k.id);
      const result = await h.run({ command: 'list' });
      expect(result.exitCode).toBe(0);
      // The second page answered last; the key it repeats from the first is listed once, and the new one not at all.
      expect(h.mock.requests.filter((r) => r.path.includes('ws_api_key'))).toHaveLength(5);
      expect(keyIds(result.outputs.keys)).toEqual(listed);
      expect(keyIds(result.tempFiles[result.outputs['keys-file']!])).toEqual(listed);
      expect(result.outputs.count).toBe('450');
      expect(keysFiles(result.tempFiles)).toEqual([result.outputs['keys-file']]);
    });
  });

  it('leaves no keys file behind when the listing fails part way', async () => {
    const fault = (r: RecordedRequest) => (r.path.includes('ws_api_key') && pageOf(r) === 3 ? { status: 500, body: '{}' } : undefined);
    await withMock(node, { fault }, async (h) => {
      for (let i = 0; i < 450; i++) h.mock.addKey('staging', { name: `key-${i}` });
      const result = await h.run({ command: 'list', retries: '0' });
      expect(theError(result)).toMatch(/failed to list the keys of workspace 'staging' \(HTTP 500/);
      expect(result.outputs['keys-file']).toBeUndefined();
      expect(keysFiles(result.tempFiles)).toEqual([]);
    });
  });

  it('across workspaces: one file in workspace order, whichever finishes first, without the one that failed', async () => {
    const slowFirst = (r: RecordedRequest): number => (r.path.startsWith('/v1/first/') ? 100 : 0);
    const fault = (r: RecordedRequest) => (r.path.startsWith('/v1/broken/') && pageOf(r) === 1 ? { status: 503, body: '{}' } : undefined);
    await withMock(node, { workspaces: ['first', 'broken', 'last'], latencyMs: slowFirst, fault }, async (h) => {
      for (const w of ['first', 'broken', 'last']) for (let i = 0; i < 150; i++) h.mock.addKey(w, { name: `${w}-${i}` });
      const result = await h.run({ command: 'list', workspace: 'first broken last', retries: '0' });
      expect(theError(result)).toMatch(/Could not finish in 1 of 3 workspaces.*\n- 'broken'/s);
      const expected = [...h.mock.keys.get('first')!, ...h.mock.keys.get('last')!].map((k) => k.id);
      expect(keyIds(result.tempFiles[result.outputs['keys-file']!])).toEqual(expected);
      expect(keyIds(result.outputs.keys)).toEqual(expected);
      expect(result.outputs.count).toBe('300');
      // The workspaces' own parts were joined and removed: only the file handed on is left.
      expect(keysFiles(result.tempFiles)).toEqual([result.outputs['keys-file']]);
      expect(result.outputs['keys-file']).toMatch(/suprsend-keys\.json$/);
    });
  });

  it('reads back the first keys for the log and the summary: stale ones first, then the rest in listed order', async () => {
    await withMock(node, {}, async (h) => {
      for (let i = 0; i < 700; i++) {
        h.mock.addKey('staging', { name: `key-${i}`, created_at: i >= 650 ? ago((1000 + i) * DAY) : ago(DAY) });
      }
      const ids = h.mock.keys.get('staging')!.map((k) => k.id);
      const stale = ids.slice(650).reverse();
      const result = await h.run({ command: 'list', 'max-age-days': '30' });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toEqual(stale);
      // The log's table: its first 500 rows, the 50 stale keys (oldest first), then keys 0 to 449.
      expect(result.stdout).toContain('The first 500 of 700 keys, stale first');
      const logged = result.stdout.split('\n').flatMap((line) => ids.filter((id) => line.includes(` ${id} `)));
      expect(logged.slice(0, 500)).toEqual([...stale, ...ids.slice(0, 450)]);
      expect(result.stdout).toContain('…and 200 more keys: the job summary and the keys-file output have them.');
      // The summary has room for all 700: stale first, then every other key in order.
      expect(
        summaryRows(fullTables(result.summary))
          .slice(1)
          .map((row) => row[1])
      ).toEqual([...stale, ...ids.slice(0, 650)]);
    });
  });
});
