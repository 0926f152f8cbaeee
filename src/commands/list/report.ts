import type { Log } from '../../report/log.js';
import { MAX_OUTPUT_BYTES, type OutputSink } from '../../report/outputs.js';
import { actor, code, dateOf, MAX_SUMMARY_BYTES, table, tableRow, text } from '../../report/summary.js';
import { ageDays, isActive } from '../../suprsend/keys.js';
import type { ListResult } from './run.js';

export function listOutputs(r: ListResult, sink: OutputSink): void {
  const { setOutput } = sink;
  const json = JSON.stringify(r.keys);
  setOutput('keys-file', sink.writeTempFile(`suprsend-keys-${r.workspace}.json`, json));
  const bytes = Buffer.byteLength(json);
  if (bytes <= MAX_OUTPUT_BYTES) {
    setOutput('keys', json);
  } else {
    setOutput('keys', '');
    sink.warning(
      `The 'keys' output would be ${(bytes / 1_000_000).toFixed(1)} MB, over GitHub's 1 MB limit for an output, so it is left empty: ` +
        `read all ${r.keys.length} keys from the JSON file named by the 'keys-file' output.`
    );
  }
  setOutput('count', String(r.keys.length));
  setOutput('stale-count', String(r.stale.length));
  setOutput('stale-key-ids', JSON.stringify(r.stale.map((s) => s.key.id)));
}

/** Warnings people see on the run's page: each stale key, each key of unknown age. */
export function tellList(r: ListResult, log: Log): void {
  for (const { key, ageDays } of r.stale) {
    log.warning(
      `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${r.workspace}' is ${ageDays} days old, older than ${r.maxAgeDays} days: rotate it.`,
      'Stale SuprSend API key'
    );
  }
  if (r.maxAgeDays !== undefined) {
    for (const key of r.undated) {
      log.warning(
        `Key ${JSON.stringify(key.name ?? '')} (${key.id}) in workspace '${r.workspace}' has no readable created_at, so its age is unknown.`,
        'SuprSend API key of unknown age'
      );
    }
  }
}

export function listSummary(r: ListResult): string {
  const staleIds = new Set(r.stale.map((s) => s.key.id));
  const count = `${r.keys.length} ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``;
  const stale = r.maxAgeDays === undefined ? '' : `, ${r.stale.length} stale (older than ${r.maxAgeDays} days)`;
  const hidden = r.hiddenDisabled > 0 ? `; ${r.hiddenDisabled} disabled not shown` : '';
  const undated = r.undated.length > 0 ? `; ${r.undated.length} without a readable creation date` : '';
  const lines = [`### ${count}${stale}${hidden}${undated}`, ''];
  if (r.keys.length === 0) return [...lines, 'No keys.', ''].join('\n');

  // Stale first, oldest first among them; then the rest in the listing's order.
  const keys = [...r.stale.map((s) => s.key), ...r.keys.filter((k) => !staleIds.has(k.id))];
  const rows: string[][] = [];
  // Room for the heading, the table's own tags and the note about a cut.
  let size = Buffer.byteLength(lines.join('\n')) + 1024;
  let cut = '';
  for (const [i, key] of keys.entries()) {
    const status = !isActive(key) ? 'disabled' : staleIds.has(key.id) ? '⚠️ stale' : 'active';
    const age = ageDays(key, r.now);
    const created = age === undefined ? 'unknown (no readable created_at)' : `${dateOf(key)} (${age} ${age === 1 ? 'day' : 'days'})`;
    const row = [text(key.name), code(key.id), code(key.masked_api_key), text(created), text(actor(key)), status];
    size += Buffer.byteLength(tableRow(row)) + 1;
    if (size > MAX_SUMMARY_BYTES) {
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
