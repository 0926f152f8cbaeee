/**
 * The step log tells the story, end to end through dist/ as the runner runs it: what each
 * command did to which key, in plain lines a person reads while scrolling a run; dry runs;
 * cleanup by age with keep per name. Server text never starts a workflow command.
 */
import { describe, expect, it } from '@jest/globals';
import { deletes, logOf, RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { rowWith } from '../../test-support/summary.js';
import { ago, DAY } from '../../test-support/util.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

describe('the step log', () => {
  it('create: name, id, masked key and workspace; ephemeral says the post step disables it', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ name: 'backend', ephemeral: 'true' });
      const key = h.mock.keys.get('staging')![0]!;
      expect(logOf(result)).toEqual([
        `Created key "backend" (${key.id}, ${key.masked_api_key}) in workspace 'staging'. Its secret is in the 'api-key' output, masked in logs.`,
        'The post step will disable it when the job ends (ephemeral: true).'
      ]);
      expect(result.summary).toContain('Ephemeral: the post step disables it when the job ends.');
    });
  });

  it('create with if-exists: skip reusing a key says so, and warns that api-key is empty', async () => {
    await withMock(node, {}, async (h) => {
      const existing = h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ name: 'backend', 'if-exists': 'skip' });
      expect(logOf(result)).toEqual([
        `Reused key "backend" (${existing.id}, ${existing.masked_api_key}) in workspace 'staging': an active key with this name exists and 'if-exists' is 'skip', so no new key was made and 'api-key' is empty.`
      ]);
      expect(result.warnings).toEqual([
        `'api-key' is empty: 'if-exists: skip' reused key ${existing.id}, whose secret SuprSend shows only once, when it is created. ` +
          "A step that needs the key must get it elsewhere: store keys with 'secret-name' when they are created, and read that secret."
      ]);
    });
  });

  it('list: a count line, then the keys as a table, stale first; a long list goes in a collapsible group', async () => {
    await withMock(node, {}, async (h) => {
      const fresh = h.mock.addKey('staging', { name: 'fresh', created_at: ago(3 * DAY) });
      const old = h.mock.addKey('staging', { name: 'old', created_at: ago(120 * DAY) });
      h.mock.addKey('staging', { name: 'gone', is_deleted: true });
      const result = await h.run({ command: 'list', 'max-age-days': '90' });
      const log = logOf(result);
      expect(log[0]).toBe("2 keys in workspace 'staging', 1 stale (older than 90 days); 1 disabled not shown.");
      expect(log[1]).toMatch(/^NAME +ID +MASKED KEY +CREATED +AGE +STATUS$/);
      expect(log[2]).toMatch(/^-+ +-+/);
      expect(log[3]).toMatch(new RegExp(`^old +${old.id} +${escape(old.masked_api_key)} +${old.created_at!.slice(0, 10)} +120 d +stale$`));
      expect(log[4]).toMatch(new RegExp(`^fresh +${fresh.id} .* 3 d +active$`));
      // Columns line up.
      expect(log[3]!.indexOf(old.id)).toBe(log[4]!.indexOf(fresh.id));

      for (let i = 0; i < 25; i++) h.mock.addKey('staging', { name: `k${i}` });
      const long = logOf(await h.run({ command: 'list' }));
      expect(long[0]).toBe("27 keys in workspace 'staging'; 1 disabled not shown.");
      expect(long[1]).toBe('▸ The 27 keys, stale first');
    });
  });

  it('delete: a line per key (disabled, already disabled, kept and why), then the counts', async () => {
    await withMock(node, {}, async (h) => {
      const newest = h.mock.addKey('staging', { name: 'app', created_at: ago(1 * DAY) });
      const older = h.mock.addKey('staging', { name: 'app', created_at: ago(5 * DAY) });
      const result = await h.run({ command: 'delete', name: 'app', keep: '1' });
      expect(logOf(result)).toEqual([
        `Disabling the keys in workspace 'staging' that are active and named "app", keeping the newest 1 of each name.`,
        `Key "app" (${older.id}, ${older.masked_api_key}): disabled.`,
        `Key "app" (${newest.id}, ${newest.masked_api_key}): kept: the newest named "app" (keep: 1).`,
        '1 disabled, 0 already disabled, 1 kept.'
      ]);
      expect(result.outputs['planned-key-ids']).toBe(result.outputs['deleted-key-ids']);
      const again = await h.run({ command: 'delete', 'key-id': older.id });
      expect(logOf(again)).toContain(`Key "app" (${older.id}, ${older.masked_api_key}): already disabled.`);
    });
  });

  it('delete: a failure midway is told key by key, and the step fails after the log and summary', async () => {
    const fault = (r: { method: string; path: string }) =>
      r.method === 'DELETE' && r.path.includes('bad') ? { status: 500, body: '{"message":"down"}' } : undefined;
    await withMock(node, { fault }, async (h) => {
      const good = h.mock.addKey('staging', { name: 'app', id: 'ws_apik_good' });
      h.mock.addKey('staging', { name: 'app', id: 'ws_apik_bad' });
      const result = await h.run({ command: 'delete', name: 'app', retries: '0' });
      const log = logOf(result);
      expect(log).toContain(`Key "app" (${good.id}, ${good.masked_api_key}): disabled.`);
      expect(log.find((l) => l.includes('ws_apik_bad'))).toMatch(
        /: could not be disabled: SuprSend failed to disable key ws_apik_bad .*HTTP 500: down/
      );
      expect(log.at(-1)).toBe('1 disabled, 1 failed, 0 already disabled, 0 kept.');
      expect(theError(result)).toMatch(/Could not disable 1 of 2 keys in workspace 'staging' \(disabled: ws_apik_good\)/);
      expect((JSON.parse(result.outputs['planned-key-ids']!) as string[]).sort()).toEqual(['ws_apik_bad', 'ws_apik_good']);
      expect(result.outputs['deleted-key-ids']).toBe(JSON.stringify(['ws_apik_good']));
    });
  });

  it('server text in names cannot start a workflow command or a new line', async () => {
    await withMock(node, {}, async (h) => {
      h.mock.addKey('staging', { name: 'x\n::error::y' });
      const listed = await h.run({ command: 'list' });
      // Such a name is not a valid input (so the user cannot select by it)…
      expect(theError(await h.run({ command: 'delete', name: 'x\n::error::y' }))).toMatch(/^Input 'name': must be one line/);
      const byAge = await h.run({ command: 'delete', 'older-than-days': '0.00001', 'dry-run': 'true' });
      for (const result of [listed, byAge]) {
        expect(result.exitCode).toBe(0);
        expect(result.errors).toEqual([]);
        expect(result.stdout).not.toMatch(/^\s*::error/m);
      }
      // …so it shows escaped, on the key's own line.
      expect(logOf(byAge).some((l) => l.startsWith('Key "x\\n::error::y"'))).toBe(true);
      expect(logOf(listed).some((l) => l.startsWith('x\\n::error::y '))).toBe(true);
    });
  });
});

describe('dry run and cleanup by age', () => {
  it('a dry run sends no DELETE, says so first, and reports the plan in planned-key-ids and the summary', async () => {
    await withMock(node, {}, async (h) => {
      const old = h.mock.addKey('staging', { name: 'app', created_at: ago(200 * DAY) });
      h.mock.addKey('staging', { name: 'app', created_at: ago(1 * DAY) });
      const dry = await h.run({ command: 'delete', 'older-than-days': '90', 'dry-run': 'true' });
      expect(dry.exitCode).toBe(0);
      expect(deletes(h)).toEqual([]);
      expect(h.mock.requests.map((r) => r.method)).toEqual(['GET']);
      expect(logOf(dry)[0]).toBe(
        "Dry run: nothing is disabled. Selecting the keys in workspace 'staging' that are active and older than 90 days, keeping the newest 1 of each name."
      );
      expect(logOf(dry)).toContain(`Key "app" (${old.id}, ${old.masked_api_key}): would be disabled (dry run).`);
      expect(dry.outputs).toMatchObject({ 'deleted-key-ids': '[]', 'planned-key-ids': JSON.stringify([old.id]) });
      expect(dry.summary).toMatch(/^### Dry run: SuprSend API keys that would be disabled in `staging`/);
      expect(rowWith(dry.summary, old.id)?.at(-1)).toBe('would be disabled');
      // The same step with dry-run switched off does exactly that.
      const real = await h.run({ command: 'delete', 'older-than-days': '90' });
      expect(deletes(h)).toEqual([old.id]);
      expect(real.outputs).toMatchObject({ 'deleted-key-ids': JSON.stringify([old.id]), 'planned-key-ids': JSON.stringify([old.id]) });
    });
  });

  it('older-than-days with keep: 1 across names: old keys go, each name keeps its newest, disabled and undated keys are left', async () => {
    await withMock(node, {}, async (h) => {
      const k = (name: string, days: number | null, extra = {}) =>
        h.mock.addKey('staging', { name, created_at: days === null ? null : ago(days * DAY), ...extra });
      const api200 = k('api', 200);
      const api120 = k('api', 120);
      const api10 = k('api', 10);
      const web300 = k('web', 300);
      const web95 = k('web', 95);
      const webOff = k('web', 400, { is_deleted: true });
      const jobUndated = k('job', null);
      const job100 = k('job', 100);
      const result = await h.run({ command: 'delete', 'older-than-days': '90', keep: '1' });
      expect(result.exitCode).toBe(0);
      expect(deletes(h).sort()).toEqual([api200.id, api120.id, web300.id].sort());
      const log = logOf(result);
      for (const kept of [api10, web95, job100])
        expect(log.some((l) => l.includes(kept.id) && l.includes(': kept: the newest named'))).toBe(true);
      expect(log.find((l) => l.includes(jobUndated.id))).toMatch(/: not disabled: no readable created_at, so its age is unknown\.$/);
      expect(log.some((l) => l.includes(webOff.id))).toBe(false);
      expect(log.at(-1)).toBe('3 disabled, 0 already disabled, 3 kept, 1 of unknown age not disabled.');
      expect(rowWith(result.summary, jobUndated.id)?.at(-1)).toBe('not disabled (age unknown)');
    });
  });

  it.each([
    [{ command: 'delete' }, /Input 'key-id': \(or 'name', or 'older-than-days'\) is required/],
    [{ command: 'delete', 'key-id': 'ws_apik_1', 'older-than-days': '30' }, /Input 'key-id': and 'older-than-days' are both set/],
    [{ command: 'delete', 'key-id': 'ws_apik_1', name: 'app' }, /Input 'key-id': and 'name' are both set/],
    [{ command: 'delete', 'older-than-days': '-3' }, /Input 'older-than-days': must be a number more than 0/],
    [{ command: 'delete', name: 'app', 'dry-run': 'yes' }, /Input 'dry-run': must be 'true' or 'false'/],
    [
      { command: 'delete', 'key-id': 'ws_apik_1', keep: '2' },
      /Input 'keep': only applies to command 'delete' by 'name' or 'older-than-days'/
    ]
  ])('%j fails before any request', async (inputs, pattern) => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run(inputs))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
