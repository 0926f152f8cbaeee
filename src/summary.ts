/**
 * The job summary, rendered as Markdown from a command's result. Pure: never sees a
 * secret (results carry the secret only in `secret`, which is not read here).
 */
import type { CommandResult, CreateResult, DeleteResult, ListResult } from './commands/result.js';
import { ageDays, isActive } from './keys.js';
import type { ApiKey } from './suprsend.js';

/** GitHub rejects a step summary over 1 MiB; the list table stops well before that. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;

export function renderSummary(result: CommandResult): string {
  switch (result.command) {
    case 'create':
      return renderCreate(result);
    case 'list':
      return renderList(result);
    case 'delete':
      return renderDelete(result);
  }
}

function renderCreate(r: CreateResult): string {
  const title = r.created ? 'SuprSend API key created' : 'SuprSend API key reused';
  const stored = r.storedAs === undefined ? '' : ` Stored as ${cell(r.storedAs)}.`;
  const note = r.created
    ? `The secret is in the step output \`api-key\` (masked in logs).${stored}`
    : 'An active key with this name already existed (`if-exists: skip`): no new key, no secret.';
  return [
    `### ${title}`,
    '',
    '| Workspace | Name | Key id | Masked key |',
    '|---|---|---|---|',
    `| ${cell(r.workspace)} | ${cell(r.key.name)} | ${code(r.key.id)} | ${code(r.key.masked_api_key)} |`,
    '',
    note,
    ''
  ].join('\n');
}

function renderDelete(r: DeleteResult): string {
  const lines = [`### SuprSend API keys disabled in \`${r.workspace}\``, ''];
  const rows = [
    ...r.disabled.map((k) => ({ k, status: 'disabled now' })),
    ...r.alreadyDisabled.map((k) => ({ k, status: 'already disabled' })),
    ...r.kept.map((k) => ({ k, status: 'kept (newest)' }))
  ];
  lines.push(`${r.disabled.length} disabled, ${r.alreadyDisabled.length} already disabled, ${r.kept.length} kept.`, '');
  if (rows.length > 0) {
    lines.push('| Name | Key id | Masked key | Created | Result |', '|---|---|---|---|---|');
    for (const { k, status } of rows) {
      lines.push(`| ${cell(k.name)} | ${code(k.id)} | ${code(k.masked_api_key)} | ${cell(dateOf(k))} | ${status} |`);
    }
    lines.push('');
  }
  if (r.failure) lines.push(`**Failed:** ${cell(r.failure)}`, '');
  return lines.join('\n');
}

function renderList(r: ListResult): string {
  const staleIds = new Set(r.stale.map((s) => s.key.id));
  const count = `${r.keys.length} ${r.keys.length === 1 ? 'key' : 'keys'} in \`${r.workspace}\``;
  const stale = r.maxAgeDays === undefined ? '' : `, ${r.stale.length} stale (older than ${r.maxAgeDays} days)`;
  const hidden = r.hiddenDisabled > 0 ? `; ${r.hiddenDisabled} disabled not shown` : '';
  const undated = r.undated.length > 0 ? `; ${r.undated.length} without a readable creation date` : '';
  const lines = [`### ${count}${stale}${hidden}${undated}`, ''];
  if (r.keys.length === 0) return [...lines, 'No keys.', ''].join('\n');

  // Stale first, oldest first among them; then the rest in the listing's order.
  const rows = [...r.stale.map((s) => s.key), ...r.keys.filter((k) => !staleIds.has(k.id))];
  lines.push('| Name | Key id | Masked key | Created | Created by | Status |', '|---|---|---|---|---|---|');
  let size = Buffer.byteLength(lines.join('\n'));
  for (const [i, key] of rows.entries()) {
    const status = !isActive(key) ? 'disabled' : staleIds.has(key.id) ? '⚠️ stale' : 'active';
    const age = ageDays(key, r.now);
    const created = age === undefined ? 'unknown (no readable created_at)' : `${dateOf(key)} (${age} ${age === 1 ? 'day' : 'days'})`;
    const row = `| ${cell(key.name)} | ${code(key.id)} | ${code(key.masked_api_key)} | ${cell(created)} | ${cell(actor(key))} | ${status} |`;
    size += Buffer.byteLength(row) + 1;
    if (size > MAX_SUMMARY_BYTES) {
      lines.push(
        '',
        `…and ${rows.length - i} more keys not shown: a job summary holds at most 1 MiB. The \`keys-file\` output lists them all.`
      );
      break;
    }
    lines.push(row);
  }
  lines.push('');
  return lines.join('\n');
}

function dateOf(key: ApiKey): string {
  return typeof key.created_at === 'string' ? key.created_at.slice(0, 10) : '';
}

function actor(key: ApiKey): string {
  const by = key.created_by;
  if (!by) return '';
  const name = typeof by.name === 'string' ? by.name : '';
  const email = typeof by.email === 'string' ? by.email : '';
  return name && email ? `${name} <${email}>` : name || email;
}

/** Text from the API in a table cell: no HTML, no table-breaking pipes or line breaks. */
function cell(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '&#124;')
    .replace(/[\r\n]+/g, ' ');
}

function code(value: unknown): string {
  return typeof value === 'string' && value !== '' ? `<code>${cell(value)}</code>` : '';
}
