/** The commands' reports without a server: outputs (and GitHub's 1 MB rule), summaries, and the escaping they rely on. */
import { describe, expect, it } from '@jest/globals';
import { createOutputs, createSummary } from '../../src/commands/create/report.js';
import { deleteSummary } from '../../src/commands/delete/report.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArrayFile } from '../../src/action/array-file.js';
import { reportBudget, listOutputs, listSummary } from '../../src/commands/list/report.js';
import { keysJson } from '../../src/commands/list/run.js';
import type { ListSettings } from '../../src/commands/list/settings.js';
import { ListTally, type ListResult } from '../../src/commands/list/tally.js';
import type { ArrayFile, OutputSink } from '../../src/report/outputs.js';
import { MAX_SUMMARY_BYTES, text, fitSummary } from '../../src/report/summary.js';
import type { ApiKey } from '../../src/suprsend/types.js';
import { rowWith, summaryRows } from '../../test-support/summary.js';

const now = new Date('2026-11-24T00:00:00Z');
const key = (id: string, extra: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: 'app',
  masked_api_key: 'SS.abc*****',
  is_deleted: false,
  created_at: '2026-11-01T00:00:00Z',
  ...extra
});

function sink(): OutputSink & { outputs: Record<string, string>; warnings: string[] } {
  const outputs: Record<string, string> = {};
  const warnings: string[] = [];
  return {
    outputs,
    warnings,
    setOutput: (n, v) => (outputs[n] = v),
    warning: (m) => warnings.push(m)
  };
}

/** A listing of `keys` as `list` leaves it, after its filters (none here), in one workspace. */
const listResult = (keys: ApiKey[], settings: Partial<ListSettings> = {}): ListResult => {
  const tally = new ListTally(
    { command: 'list', name: undefined, includeDeleted: true, maxAgeDays: undefined, failOnStale: false, ...settings },
    now,
    reportBudget(1, now)
  );
  tally.keepFirst(tally.add(keys));
  return tally.result('staging');
};

function keysFile(r: ListResult, keys: ApiKey[]): ArrayFile {
  const file = createArrayFile({ RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'report-test-')) });
  for (let i = 0; i < keys.length; i += 100) {
    file.append(
      r.workspace,
      keysJson(
        keys.slice(i, i + 100).map((k) => ({ ...k })),
        r.workspace
      )
    );
  }
  return file;
}

describe('outputs', () => {
  it("create: the secret only in 'api-key', and only when a key was created", () => {
    const made = sink();
    createOutputs({ workspace: 'staging', created: true, key: key('ws_apik_1'), secret: 'SS.secret' }, made);
    expect(made.outputs).toEqual({ 'key-id': 'ws_apik_1', 'masked-api-key': 'SS.abc*****', created: 'true', 'api-key': 'SS.secret' });
    const reused = sink();
    createOutputs(
      { workspace: 'staging', created: false, key: key('ws_apik_1', { masked_api_key: undefined }), secret: undefined },
      reused
    );
    expect(reused.outputs).toEqual({ 'key-id': 'ws_apik_1', 'masked-api-key': '', created: 'false' });
  });

  it("list: 'keys' and the keys file hold the same JSON, with counts and stale ids", () => {
    const out = sink();
    const stale = key('ws_apik_old');
    const keys = [stale, key('ws_apik_new', { created_at: '2026-11-20T00:00:00Z' })];
    const r = listResult(keys, { maxAgeDays: 10 });
    listOutputs([r], keysFile(r, keys), out);
    expect(out.outputs).toMatchObject({ count: '2', 'stale-count': '1', 'stale-key-ids': '["ws_apik_old"]' });
    expect(out.outputs['keys-file']).toMatch(/\/suprsend-keys\.json$/);
    expect(readFileSync(out.outputs['keys-file'] ?? '', 'utf8')).toBe(out.outputs.keys);
    expect(JSON.parse(out.outputs.keys ?? '')).toEqual(keys.map((k) => ({ ...k, workspace: 'staging' })));
    expect(out.warnings).toEqual([]);
  });

  it("list: each key in the file carries its workspace's slug, last or in place of the server's own field", () => {
    const keys = [key('ws_apik_1'), key('ws_apik_2', { workspace: 'elsewhere', name: 'x' })];
    expect(JSON.parse(`[${keysJson(keys, 'prod')}]`)).toEqual([
      { ...key('ws_apik_1'), workspace: 'prod' },
      { ...key('ws_apik_2', { name: 'x' }), workspace: 'prod' }
    ]);
    const [third] = JSON.parse(`[${keysJson([key('ws_apik_3')], 'prod')}]`) as object[];
    expect(Object.keys(third ?? {}).at(-1)).toBe('workspace');
    expect(keysJson([], 'prod')).toBe('');
  });

  it("list: past GitHub's 1 MB 'keys' is left empty with a warning, and the file still holds every key", () => {
    const keys = Array.from({ length: 4000 }, (_, i) => key(`ws_apik_${i}`, { description: 'x'.repeat(250) }));
    const out = sink();
    const r = listResult(keys);
    listOutputs([r], keysFile(r, keys), out);
    expect(out.outputs.keys).toBe('');
    expect(out.warnings[0]).toMatch(/would be 1\.\d MB, over GitHub's 1 MB limit .* all 4000 keys from the JSON file/);
    expect(readFileSync(out.outputs['keys-file'] ?? '', 'utf8')).toBe(JSON.stringify(keys.map((k) => ({ ...k, workspace: 'staging' }))));
  });
});

describe('summaries', () => {
  it('create: one row, and the secret never appears', () => {
    const summary = createSummary(
      {
        workspace: 'staging',
        created: true,
        key: key('ws_apik_1'),
        secret: 'SS.secret',
        stored: { where: 'repository secret K in a/b' }
      },
      {
        command: 'create',
        name: 'app',
        description: undefined,
        ifExists: 'create',
        ephemeral: true,
        dryRun: false,
        hubUrl: undefined,
        secret: undefined
      }
    );
    expect(summaryRows(summary)).toEqual([
      ['Workspace', 'Name', 'Key id', 'Masked key'],
      ['staging', 'app', 'ws_apik_1', 'SS.abc*****']
    ]);
    expect(summary).toContain('Stored as repository secret K in a/b. Ephemeral: the post step disables it when the job ends.');
    expect(summary).not.toContain('SS.secret');
  });

  it('list: stale keys first, then the rest in order, with age, creator and status', () => {
    const old = key('ws_apik_old', { created_at: '2025-01-01T00:00:00Z', created_by: { name: 'Asha', email: 'a@x.dev' } });
    const dead = key('ws_apik_dead', { is_deleted: true });
    const undated = key('ws_apik_undated', { created_at: null });
    const summary = listSummary(listResult([key('ws_apik_new'), old, dead, undated], { maxAgeDays: 90 }));
    expect(summary).toMatch(/^### 4 keys in `staging`, 1 stale \(older than 90 days\); 1 without a readable creation date/);
    expect(
      summaryRows(summary)
        .slice(1)
        .map((r) => r[1])
    ).toEqual(['ws_apik_old', 'ws_apik_new', 'ws_apik_dead', 'ws_apik_undated']);
    expect(rowWith(summary, 'ws_apik_old')).toEqual([
      'app',
      'ws_apik_old',
      'SS.abc*****',
      '2025-01-01 (692 days)',
      'Asha <a@x.dev>',
      '⚠️ stale'
    ]);
    expect(rowWith(summary, 'ws_apik_dead')?.at(-1)).toBe('disabled');
    expect(rowWith(summary, 'ws_apik_undated')?.at(3)).toBe('unknown (no readable created_at)');
  });

  it('list: cut under 1 MiB with a note, however many keys', () => {
    const keys = Array.from({ length: 9000 }, (_, i) => key(`ws_apik_${i}`, { name: 'n'.repeat(120) }));
    const summary = listSummary(listResult(keys));
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES);
    const shown = summaryRows(summary).length - 1;
    expect(shown).toBeGreaterThan(1000);
    expect(summary).toContain(`…and ${9000 - shown} more keys not shown: a job summary holds at most 1 MiB.`);
  });

  it('delete: each key with what happened to it, and a failure line by line', () => {
    const summary = deleteSummary({
      workspace: 'staging',
      selection: { by: 'filter', name: 'app', olderThanDays: 30, keep: 1, keepSet: true, graceMs: 0 },
      dryRun: false,
      planned: [key('ws_apik_a'), key('ws_apik_d')],
      disabled: [key('ws_apik_a')],
      alreadyDisabled: [key('ws_apik_b')],
      kept: [{ key: key('ws_apik_c'), why: 'one of the newest 1' }],
      undated: [key('ws_apik_e', { created_at: null })],
      failed: [{ key: key('ws_apik_d'), reason: 'boom' }],
      otherCase: [],
      failure: 'Could not disable 1 of 2 keys.\nws_apik_d: <b>boom</b>'
    });
    expect(summary).toMatch(
      /^### SuprSend API keys disabled in `staging`\n\n1 disabled, 1 failed, 1 already disabled, 1 kept, 1 of unknown age not disabled\./
    );
    expect(
      summaryRows(summary)
        .slice(1)
        .map((r) => [r[1], r[4]])
    ).toEqual([
      ['ws_apik_a', 'disabled now'],
      ['ws_apik_d', 'failed'],
      ['ws_apik_b', 'already disabled'],
      ['ws_apik_c', 'kept (one of the newest 1)'],
      ['ws_apik_e', 'not disabled (age unknown)']
    ]);
    expect(summary).toContain('<p><strong>Failed:</strong> Could not disable 1 of 2 keys.<br>ws_apik_d: &#60;b&#62;boom&#60;/b&#62;</p>');
  });

  it('delete, dry run: says so in the title, and lists what would be disabled', () => {
    const summary = deleteSummary({
      workspace: 'staging',
      selection: { by: 'id', keyIds: ['ws_apik_a'] },
      dryRun: true,
      planned: [key('ws_apik_a')],
      disabled: [],
      alreadyDisabled: [],
      kept: [],
      undated: [],
      failed: [],
      otherCase: []
    });
    expect(summary).toMatch(
      /^### Dry run: SuprSend API keys that would be disabled in `staging`\n\n1 would be disabled, 0 already disabled, 0 kept\./
    );
    expect(rowWith(summary, 'ws_apik_a')?.at(-1)).toBe('would be disabled');
  });

  it('text: markup, Markdown link brackets, code ticks, pipes and line breaks cannot escape a cell', () => {
    expect(text('[a](https://x) `c` | <b>\n\nnext')).toBe('&#91;a&#93;(https://x) &#96;c&#96; &#124; &#60;b&#62; next');
    expect(text(undefined)).toBe('');
  });
});

describe('fitSummary: one byte budget for every summary', () => {
  const rows = (n: number): string =>
    [
      '### A table',
      '',
      '<table>',
      '<tr><th>Key</th></tr>',
      ...Array.from({ length: n }, (_, i) => `<tr><td>ws_apik_${i}</td></tr>`),
      '</table>',
      ''
    ].join('\n');

  it('leaves a summary within the limit as it is', () => {
    expect(fitSummary(rows(10), 10_000)).toBe(rows(10));
  });

  it('cuts a longer one at a whole row, closes the table, and says how many rows are left out and where', () => {
    const long = rows(2000);
    const fitted = fitSummary(long, 20_000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(20_000);
    expect(fitted).toMatch(/<\/tr>\n<\/table>\n\n<p>…and \d+ more rows not shown: a job summary holds at most 1 MiB/);
    const shown = (fitted.match(/<tr><td>/g) ?? []).length;
    const left = Number(/…and (\d+) more rows/.exec(fitted)?.[1]);
    expect(shown + left).toBe(2000);
    expect(fitted).toContain('<code>planned-key-ids</code>');
  });

  it('closes a <details> block the cut falls in, so the note is not folded away', () => {
    const folded = `<details><summary>ws: every key</summary>\n\n${rows(2000)}</details>\n`;
    const fitted = fitSummary(folded, 20_000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(20_000);
    expect(fitted).toMatch(/<\/tr>\n<\/table>\n\n<\/details>\n\n<p>…and \d+ more rows not shown/);
  });
});
