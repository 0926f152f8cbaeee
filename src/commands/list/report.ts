import { caseHint, cellText, textTable } from '../../report/log-table.js';
import { tellLines, WARNINGS_SHOWN, type Log } from '../../report/log.js';
import { MAX_OUTPUT_BYTES, type ArrayFile, type OutputSink } from '../../report/outputs.js';
import { actor, code, dateOf, MAX_SUMMARY_BYTES, tableOfRows, tableRow, text } from '../../report/summary.js';
import { quoted } from '../../text.js';
import { ageDays, isActive } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { ReportBudget, ListResult } from './tally.js';

/** 'keys', 'keys-file', counts and stale ids, across the workspaces listed (one, for a single workspace). */
export function listOutputs(results: readonly ListResult[], file: ArrayFile, sink: OutputSink): void {
  const total = results.reduce((n, r) => n + r.count, 0);
  keysOutputs(
    file,
    results.map((r) => r.workspace),
    total,
    sink
  );
  staleOutputs(
    results.flatMap((r) => r.stale.map((s) => s.key.id)),
    sink
  );
}

/** 'stale-count' and 'stale-key-ids'. */
export function staleOutputs(ids: readonly string[], { setOutput }: OutputSink): void {
  setOutput('stale-count', String(ids.length));
  setOutput('stale-key-ids', JSON.stringify(ids));
}

/** The keys file of these sections, in order, and 'keys' (when it fits an output) and 'count'. */
export function keysOutputs(file: ArrayFile, sections: readonly string[], total: number, sink: OutputSink): void {
  const { setOutput } = sink;
  // Named by the action, never by a slug the server sent (the file's folder is made for this step alone).
  const saved = file.save('suprsend-keys.json', sections);
  setOutput('keys-file', saved.path);
  if (saved.bytes <= MAX_OUTPUT_BYTES) {
    setOutput('keys', file.read());
  } else {
    setOutput('keys', '');
    sink.warning(
      `The 'keys' output would be ${(saved.bytes / 1_000_000).toFixed(1)} MB, over GitHub's 1 MB limit for an output, so it is left empty: ` +
        `read all ${total} keys from the JSON file named by the 'keys-file' output.`
    );
  }
  setOutput('count', String(total));
}

type Status = 'active' | 'stale' | 'disabled';

/** Stale keys first, oldest first among them; then the others kept whole, in the listing's order. */
function ordered(r: ListResult): { key: ApiKey; status: Status }[] {
  return [
    ...r.stale.map(({ key }) => ({ key, status: 'stale' as const })),
    ...r.others.map((key) => ({ key, status: isActive(key) ? ('active' as const) : ('disabled' as const) }))
  ];
}

/** "3 keys in workspace 'staging', 1 stale (older than 90 days); 1 disabled not shown": the log's first line, the summary's title. */
export function countLine(r: ListResult, workspace: string): string {
  const count = `${r.count} ${r.count === 1 ? 'key' : 'keys'} in ${workspace}`;
  const stale = r.maxAgeDays === undefined ? '' : `, ${r.stale.length} stale (older than ${r.maxAgeDays} days)`;
  const hidden = r.hiddenDisabled > 0 ? `; ${r.hiddenDisabled} disabled not shown` : '';
  const undated = r.undated.length > 0 ? `; ${r.undated.length} without a readable creation date` : '';
  return `${count}${stale}${hidden}${undated}`;
}

/** Rows of the log's table: a person scrolls a run, and the summary and the keys file hold every key. */
const MAX_LOG_ROWS = 500;

/**
 * What a listing keeps for the log and the summary, once it is done: the first keys whole for the
 * log's rows, and their summary rows while they fit the summary's share of GitHub's 1 MiB (split
 * between `workspaces`).
 */
export function reportBudget(workspaces: number, now: Date): ReportBudget {
  return {
    keys: workspaces === 1 ? MAX_LOG_ROWS : 0,
    bytes: MAX_SUMMARY_BYTES / workspaces,
    row: (key) => tableRow(summaryRow(key, isActive(key) ? 'active' : 'disabled', now))
  };
}

/** The count, the keys as a table (in a collapsible group when long), and a warning per stale or undated key. */
export function tellList(r: ListResult, log: Log, writesSummary: boolean): void {
  log.info(`${countLine(r, `workspace '${r.workspace}'`)}.`);
  if (r.count > 0) {
    const shown = ordered(r).slice(0, MAX_LOG_ROWS);
    const rows = shown.map(({ key, status }) => {
      const age = ageDays(key, r.now);
      return [
        cellText(key.name),
        key.id,
        cellText(key.masked_api_key),
        dateOf(key) || '-',
        age === undefined ? 'unknown' : `${age} d`,
        status
      ];
    });
    const lines = textTable([['NAME', 'ID', 'MASKED KEY', 'CREATED', 'AGE', 'STATUS'], ...rows]);
    const more = r.count - shown.length;
    if (more > 0)
      lines.push(
        `…and ${more} more keys: ${writesSummary ? 'the job summary and ' : ''}the keys-file output ${writesSummary ? 'have' : 'has'} them.`
      );
    tellLines(log, more > 0 ? `The first ${shown.length} of ${r.count} keys, stale first` : `The ${rows.length} keys, stale first`, lines);
  }
  warnStale([r], log, writesSummary);
}

/** A warning annotation's text and title, before it is told. */
export interface Annotation {
  text: string;
  title: string;
}

/**
 * Warnings people see on the run's page: a name that differs only in case, then `first` (what
 * another kind of credential found), then the stale keys, the
 * oldest across every workspace first, then the keys of unknown age. GitHub shows 10 warnings a step:
 * what does not fit goes to the log (in a group) and one last annotation says how many more and where.
 */
export function warnStale(results: readonly ListResult[], log: Log, writesSummary: boolean, first: readonly Annotation[] = []): void {
  for (const r of results) {
    if (r.count === 0 && r.otherCase.length > 0)
      log.warning(caseHint(r.name, r.workspace, r.otherCase), 'A name that differs only in case');
  }
  const items = [
    ...first,
    ...results
      .flatMap((r) => r.stale.map(({ key, ageDays }) => ({ r, key, ageDays })))
      .sort((a, b) => b.ageDays - a.ageDays)
      .map(({ r, key, ageDays }) => ({
        title: 'Stale SuprSend API key',
        text: `Key ${quoted(key.name)} (${key.id}) in workspace '${r.workspace}' is ${ageDays} days old, older than ${r.maxAgeDays} days: rotate it.`
      })),
    ...results
      .filter((r) => r.maxAgeDays !== undefined)
      .flatMap((r) =>
        r.undated.map((key) => ({
          title: 'SuprSend API key of unknown age',
          text: `Key ${quoted(key.name)} (${key.id}) in workspace '${r.workspace}' has no readable created_at, so its age is unknown.`
        }))
      )
  ];
  const room = log.warningsLeft();
  const shown = items.length <= room ? items : items.slice(0, Math.max(0, room - 1));
  for (const { text, title } of shown) log.warning(text, title);
  const rest = items.slice(shown.length);
  if (rest.length === 0) return;
  log.group(
    `${rest.length} more keys to look at`,
    rest.map(({ text }) => `Warning: ${text}`)
  );
  const what = first.length === 0 ? 'stale or undated keys' : 'stale, undated or exposed credentials';
  const more =
    `${rest.length} more ${what} are not annotated (GitHub shows ${WARNINGS_SHOWN} warnings a step): ` +
    `${writesSummary ? 'the job summary lists every stale key, oldest first, and ' : ''}the 'stale-key-ids' output and the log's group "${rest.length} more keys to look at" have them.`;
  if (room > 0) log.warning(more, 'More stale keys');
  else log.notice(more, 'More stale keys');
}

/** A key's row in the summary's table. */
function summaryRow(key: ApiKey, status: Status, now: Date): string[] {
  const age = ageDays(key, now);
  const created = age === undefined ? 'unknown (no readable created_at)' : `${dateOf(key)} (${age} ${age === 1 ? 'day' : 'days'})`;
  return [
    text(key.name),
    code(key.id),
    code(key.masked_api_key),
    text(created),
    text(actor(key)),
    status === 'stale' ? '⚠️ stale' : status
  ];
}

/** The summary's rows: stale keys first, made here, then the others', made when the listing was read back. */
function* summaryRows(r: ListResult): Generator<string> {
  for (const { key } of r.stale) yield tableRow(summaryRow(key, 'stale', r.now));
  yield* r.otherRows;
}

/** The workspace's keys as a table under a heading, stale ones first; `budget` bytes at most (a cut says so). */
export function listSummary(r: ListResult, heading = '###', budget = MAX_SUMMARY_BYTES): string {
  const lines = [`${heading} ${countLine(r, `\`${r.workspace}\``)}`, ''];
  if (r.count === 0) return [...lines, 'No keys.', ''].join('\n');

  const rows: string[] = [];
  // Room for the heading, the table's own tags and the note about a cut.
  let size = Buffer.byteLength(lines.join('\n')) + 1024;
  for (const row of summaryRows(r)) {
    size += Buffer.byteLength(row) + 1;
    if (size > budget) break;
    rows.push(row);
  }
  lines.push(tableOfRows(['Name', 'Key id', 'Masked key', 'Created', 'Created by', 'Status'], rows));
  const more = r.count - rows.length;
  if (more > 0) {
    lines.push(
      '',
      `…and ${more} more ${more === 1 ? 'key' : 'keys'} not shown: a job summary holds at most 1 MiB. The \`keys-file\` output lists them all.`
    );
  }
  lines.push('');
  return lines.join('\n');
}
