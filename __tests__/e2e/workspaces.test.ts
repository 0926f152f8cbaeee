/**
 * Several workspaces, or all of them, in one step: end to end through dist/ against the
 * fake server serving /v1/workspace/. One report, one bound on requests in flight, and a
 * failing workspace never stops the others. The harness checks secrets with RUNNER_DEBUG=1.
 */
import { describe, expect, it } from '@jest/globals';
import { NODES, theError, withMock, type Harness } from '../../test-support/e2e.js';
import { summaryRows } from '../../test-support/summary.js';
import { ago, DAY } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const keysOf = (output: string | undefined) => JSON.parse(output ?? '[]') as { id: string; workspace: string }[];
const keyPaths = (h: Harness): string[] => h.mock.requests.filter((r) => r.path.includes('ws_api_key')).map((r) => r.path.split('/')[2]!);

describe('list across workspaces', () => {
  it('several slugs: the workspaces output, each key with its workspace, counts across them', async () => {
    await withMock(node, { workspaces: ['staging', 'production', 'eu'] }, async (h) => {
      const a = h.mock.addKey('staging', { name: 'app' });
      const b = h.mock.addKey('production', { name: 'app' });
      const c = h.mock.addKey('production', { name: 'web' });
      h.mock.addKey('eu', { name: 'not-asked' });
      const result = await h.run({ command: 'list', workspace: 'production, staging production' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs.workspaces).toBe('["production","staging"]');
      expect(keysOf(result.outputs.keys).map((k) => [k.id, k.workspace])).toEqual([
        [b.id, 'production'],
        [c.id, 'production'],
        [a.id, 'staging']
      ]);
      expect(result.outputs.count).toBe('3');
      expect(new Set(keyPaths(h))).toEqual(new Set(['production', 'staging']));
      expect(result.summary).toMatch(/^### 3 keys in 2 workspaces\n/);
      expect(result.stdout).toContain(
        '\nIn all: 3 keys in 2 workspaces. The job summary lists every key; the keys-file output has them all.\n'
      );
    });
  });

  it("'*': every workspace of the account, over more than one page, in the order the API lists them", async () => {
    const names = Array.from({ length: 60 }, (_, i) => `ws-${String(i).padStart(2, '0')}`);
    await withMock(node, { workspaces: names, maxPageSize: 50 }, async (h) => {
      for (const w of names) h.mock.addKey(w, { name: `svc-${w}` });
      const result = await h.run({ command: 'list', workspace: '*' });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.outputs.workspaces!)).toEqual(names);
      expect(result.outputs.count).toBe('60');
      expect(h.mock.requests.filter((r) => r.path === '/v1/workspace/')).toHaveLength(2);
      expect(keysOf(result.outputs.keys).map((k) => k.workspace)).toEqual(names);
    });
  });

  it('a failing workspace among healthy ones: the others are read and reported, then one error names it and why', async () => {
    const fault = (r: { path: string }) =>
      r.path.startsWith('/v1/broken/') ? { status: 503, body: '{"message":"maintenance"}' } : undefined;
    await withMock(node, { workspaces: ['staging', 'broken', 'production'], fault }, async (h) => {
      h.mock.addKey('staging', { name: 'a' });
      h.mock.addKey('production', { name: 'b' });
      const result = await h.run({ command: 'list', workspace: '*', retries: '0' });
      expect(theError(result)).toMatch(
        /^Could not finish in 1 of 3 workspaces; the others are in the outputs and the summary\.\n- 'broken': SuprSend failed to list the keys of workspace 'broken' \(HTTP 503: maintenance\)/
      );
      expect(result.outputs.count).toBe('2');
      expect(result.outputs.workspaces).toBe('["staging","broken","production"]');
      expect(result.summary).toMatch(/^### 2 keys in 2 workspaces; 1 workspace could not be read/);
      expect(result.summary).toContain('#### `broken`: could not be read');
      expect(result.stdout).toContain("Workspace 'broken' could not be read: SuprSend failed to list");
    });
  });

  it('stale keys across workspaces, stale first in the summary; fail-on-stale fails once, naming each, after outputs and summary', async () => {
    await withMock(node, { workspaces: ['staging', 'production'] }, async (h) => {
      const old1 = h.mock.addKey('staging', { name: 'old-s', created_at: ago(200 * DAY) });
      const old2 = h.mock.addKey('production', { name: 'old-p', created_at: ago(300 * DAY) });
      h.mock.addKey('production', { name: 'fresh', created_at: ago(1 * DAY) });
      const result = await h.run({ command: 'list', workspace: 'staging production', 'max-age-days': '90', 'fail-on-stale': 'true' });
      expect(theError(result)).toBe(
        "2 keys are older than 90 days (staging: 1, production: 1); the 'stale-key-ids' output and the job summary list them, oldest first. Rotate them: command 'rotate' with each name, or create, deploy, then 'delete' with 'keep: 1'."
      );
      expect(result.outputs['stale-key-ids']).toBe(JSON.stringify([old1.id, old2.id]));
      // The overview first (a row per workspace), then the stale keys oldest first, then every table folded.
      expect(result.summary).toMatch(
        /^### 3 keys in 2 workspaces, 2 stale \(older than 90 days\)\n\n<table>\n<tr><th>Workspace<\/th><th>Keys<\/th>/
      );
      const rows = summaryRows(result.summary);
      expect(rows.slice(0, 3)).toEqual([
        ['Workspace', 'Keys', 'Stale (over 90 days)', 'Oldest', 'Listed'],
        ['staging', '1', '1', '200 days', 'listed'],
        ['production', '2', '1', '300 days', 'listed']
      ]);
      expect(result.summary).toMatch(/<\/table>\n\n#### Stale keys, oldest first/);
      expect(rows.slice(4, 6).map((r) => r.slice(0, 3))).toEqual([
        ['production', 'old-p', old2.id],
        ['staging', 'old-s', old1.id]
      ]);
      expect(result.summary).toContain('<details><summary>staging: every key</summary>');
      expect(result.warnings).toHaveLength(2);
    });
  });

  it('never more than 10 requests in flight, whatever the number of workspaces and pages', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `w${i}`);
    await withMock(node, { workspaces: names, latencyMs: 20, maxPageSize: 100 }, async (h) => {
      for (const w of names) for (let i = 0; i < 250; i++) h.mock.addKey(w, { name: `k${i}` });
      const result = await h.run({ command: 'list', workspace: '*', summary: 'false' });
      expect(result.outputs.count).toBe('5000');
      expect(h.mock.peakInFlight).toBe(10);
    });
  });
});

describe('delete across workspaces', () => {
  it('by name with keep: the newest stays in each workspace; a workspace whose listing fails has nothing disabled', async () => {
    const fault = (r: { path: string; method: string }) =>
      r.path.startsWith('/v1/broken/') && r.method === 'GET' ? { status: 500, body: '{}' } : undefined;
    await withMock(node, { workspaces: ['staging', 'production', 'broken'], fault }, async (h) => {
      const add = (w: string, days: number) => h.mock.addKey(w, { name: 'app', created_at: ago(days * DAY) });
      const [s1, s2] = [add('staging', 1), add('staging', 10)];
      const [p1, p2, p3] = [add('production', 1), add('production', 5), add('production', 10)];
      const untouched = add('broken', 10);
      const result = await h.run({ command: 'delete', workspace: '*', name: 'app', keep: '1', retries: '0' });
      expect(theError(result)).toMatch(/^Could not finish in 1 of 3 workspaces.*\n- 'broken': /);
      expect(JSON.parse(result.outputs['deleted-key-ids']!)).toEqual([s2.id, p2.id, p3.id]);
      const active = (w: string) =>
        h.mock.keys
          .get(w)!
          .filter((k) => !k.is_deleted)
          .map((k) => k.id);
      expect([active('staging'), active('production'), active('broken')]).toEqual([[s1.id], [p1.id], [untouched.id]]);
      expect(h.mock.requests.filter((r) => r.method === 'DELETE' && r.path.includes('broken'))).toEqual([]);
      expect(result.stdout).toContain("Workspace 'broken' could not be read, so nothing was disabled there:");
      expect(result.summary).toMatch(/^### In all, 3 disabled in 2 of 3 workspaces\./);
    });
  });
});

describe('inputs', () => {
  it.each([
    [{ name: 'app', workspace: 'staging production' }, /Input 'workspace': takes exactly one slug for command 'create'/],
    [{ command: 'rotate', name: 'app', keep: '2', workspace: '*' }, /takes exactly one slug for command 'rotate'/],
    [{ command: 'delete', 'key-id': 'ws_apik_1', workspace: '*' }, /takes exactly one slug for command 'delete' with 'key-id'/],
    [{ command: 'list', workspace: '*, staging' }, /'\*' \(every workspace\) cannot be mixed with slugs/],
    [{ command: 'list', workspace: 'staging ../production' }, /must be a workspace slug/]
  ])('%j fails before any request', async (inputs, pattern) => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run(inputs))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
    });
  });
});
