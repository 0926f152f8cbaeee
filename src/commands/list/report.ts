import { cellText, textTable } from '../../report/log-table.js';
import { tellLines, type Log } from '../../report/log.js';
import { MAX_OUTPUT_BYTES, type OutputSink } from '../../report/outputs.js';
import { actor, code, dateOf, MAX_SUMMARY_BYTES, table, tableRow, text } from '../../report/summary.js';
import { showText } from '../../report/redact.js';
import { ageDays, isActive } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { ListResult } from './run.js';

/**
 * Keys a chunk of the keys file holds: about 30 KB of JSON, never one string for the whole listing,
 * and under V8's ~128 KB limit for ordinary objects, so a chunk dies young instead of waiting in
 * large-object space for a full collection (90,000 keys: 291 MB peak with 500 a chunk, 263 with 100).
 */
const KEYS_PER_CHUNK = 100;

/** A key as JSON with its workspace's slug added (spliced in, not copied, unless the server sent a field of that name). */
function withWorkspace(key: ApiKey, workspace: string): string {
  if ('workspace' in key) return JSON.stringify({ ...key, workspace });
  const json = JSON.stringify(key);
  return `${json.slice(0, -1)}${json === '{}' ? '' : ','}"workspace":${JSON.stringify(workspace)}}`;
}

/** Every workspace's keys as one JSON array, in chunks that end between keys. */
function* jsonChunks(results: readonly ListResult[]): Generator<string> {
  let first = true;
  for (const r of results) {
    for (let i = 0; i < r.keys.length; i += KEYS_PER_CHUNK) {
      const body = r.keys
        .slice(i, i + KEYS_PER_CHUNK)
        .map((key) => withWorkspace(key, r.workspace))
        .join(',');
      yield `${first ? '[' : ','}${body}`;
      first = false;
    }
  }
  yield first ? '[]' : ']';
}

/** 'keys', 'keys-file', counts and stale ids, across the workspaces listed (one, for a single workspace). */
export function listOutputs(results: readonly ListResult[], sink: OutputSink): void {
  const { setOutput } = sink;
  const total = results.reduce((n, r) => n + r.keys.length, 0);
  const stale = results.flatMap((r) => r.stale);
  const file = results.length === 1 ? `suprsend-keys-${results[0]?.workspace ?? ''}.json` : 'suprsend-keys.json';
  // The file gets every chunk as it is made; the 'keys' output keeps them only while they fit.
  const tally: { bytes: number; kept: string[] | undefined } = { bytes: 0, kept: [] };
  const chunks = function* (): Generator<string> {
    for (const chunk of jsonChunks(results)) {
      tally.bytes += Buffer.byteLength(chunk);
      tally.kept = tally.bytes <= MAX_OUTPUT_BYTES ? tally.kept?.concat(chunk) : undefined;
      yield chunk;
    }
  };
  setOutput('keys-file', sink.writeTempFile(file, chunks()));
  if (tally.kept !== undefined) {
    setOutput('keys', tally.kept.join(''));
  } else {
    setOutput('keys', '');
    sink.warning(
      `The 'keys' output would be ${(tally.bytes / 1_000_000).toFixed(1)} MB, over GitHub's 1 MB limit for an output, so it is left empty: ` +
        `read all ${total} keys from the JSON file named by the 'keys-file' output.`
    );
  }
  setOutput('count', String(total));
  setOutput('stale-count', String(stale.length));
  setOutput('stale-key-ids', JSON.stringify(stale.map((s) => s.key.id)));
}

/** Stale keys first, oldest first among them; then the rest in the listing's order. */
function ordered(r: ListResult): ApiKey[] {
  const staleIds = new Set(r.stale.map((s) => s.key.id));
  return [...r.stale.map((s) => s.key), ...r.keys.filter((k) => !staleIds.has(k.id))];
}

function statusOf(r: ListResult, key: ApiKey): string {
  return !isActive(key) ? 'disabled' : r.stale.some((s) => s.key.id === key.id) ? 'stale' : 'active';
}

/** "3 keys in workspace 'staging', 1 stale (older than 90 days); 1 disabled not shown": the log's first line, the summary's title. */
export function countLine(r: ListResult, workspace: string): string {
  const count = `${r.keys.length} ${r.keys.length === 1 ? 'key' : 'keys'} in ${workspace}`;
  const stale = r.maxAgeDays === undefined ? '' : `, ${r.stale.length} stale (older than ${r.maxAgeDays} days)`;
  const hidden = r.hiddenDisabled > 0 ? `; ${r.hiddenDisabled} disabled not shown` : '';
  const undated = r.undated.length > 0 ? `; ${r.undated.length} without a readable creation date` : '';
  return `${count}${stale}${hidden}${undated}`;
}

/** Rows of the log's table: a person scrolls a run, and the summary and the keys file hold every key. */
const MAX_LOG_ROWS = 500;

/** The count, the keys as a table (in a collapsible group when long), and a warning per stale or undated key. */
export function tellList(r: ListResult, log: Log): void {
  log.info(`${countLine(r, `workspace '${r.workspace}'`)}.`);
  if (r.keys.length > 0) {
    const shown = ordered(r).slice(0, MAX_LOG_ROWS);
    const rows = shown.map((key) => {
      const age = ageDays(key, r.now);
      return [
        cellText(key.name),
        key.id,
        cellText(key.masked_api_key),
        dateOf(key) || '-',
        age === undefined ? 'unknown' : `${age} d`,
        statusOf(r, key)
      ];
    });
    const lines = textTable([['NAME', 'ID', 'MASKED KEY', 'CREATED', 'AGE', 'STATUS'], ...rows]);
    const more = r.keys.length - shown.length;
    if (more > 0) lines.push(`…and ${more} more keys: the job summary and the keys-file output have them.`);
    tellLines(
      log,
      more > 0 ? `The first ${shown.length} of ${r.keys.length} keys, stale first` : `The ${rows.length} keys, stale first`,
      lines
    );
  }
  warnStale(r, log);
}

/** A warning people see on the run's page for each stale key, and each key of unknown age. */
export function warnStale(r: ListResult, log: Log): void {
  for (const { key, ageDays } of r.stale) {
    log.warning(
      `Key ${showText(key.name)} (${key.id}) in workspace '${r.workspace}' is ${ageDays} days old, older than ${r.maxAgeDays} days: rotate it.`,
      'Stale SuprSend API key'
    );
  }
  if (r.maxAgeDays !== undefined) {
    for (const key of r.undated) {
      log.warning(
        `Key ${showText(key.name)} (${key.id}) in workspace '${r.workspace}' has no readable created_at, so its age is unknown.`,
        'SuprSend API key of unknown age'
      );
    }
  }
}

/** The workspace's keys as a table under a heading; `budget` bytes at most (a cut says so). */
export function listSummary(r: ListResult, heading = '###', budget = MAX_SUMMARY_BYTES): string {
  const lines = [`${heading} ${countLine(r, `\`${r.workspace}\``)}`, ''];
  if (r.keys.length === 0) return [...lines, 'No keys.', ''].join('\n');

  const keys = ordered(r);
  const rows: string[][] = [];
  // Room for the heading, the table's own tags and the note about a cut.
  let size = Buffer.byteLength(lines.join('\n')) + 1024;
  let cut = '';
  for (const [i, key] of keys.entries()) {
    const status = statusOf(r, key) === 'stale' ? '⚠️ stale' : statusOf(r, key);
    const age = ageDays(key, r.now);
    const created = age === undefined ? 'unknown (no readable created_at)' : `${dateOf(key)} (${age} ${age === 1 ? 'day' : 'days'})`;
    const row = [text(key.name), code(key.id), code(key.masked_api_key), text(created), text(actor(key)), status];
    size += Buffer.byteLength(tableRow(row)) + 1;
    if (size > budget) {
      cut = `…and ${keys.length - i} more keys not shown: a job summary holds at most 1 MiB. The \`keys-file\` output lists them all.`;
      break;
    }
    rows.push(row);
  }
  lines.push(table(['Name', 'Key id', 'Masked key', 'Created', 'Created by', 'Status'], rows));
  if (cut !== '') lines.push('', cut);
  lines.push('');
  return lines.join('\n');
}
