/**
 * The job summary, rendered from a command's result. Pure: never sees a secret
 * (results carry the secret only in `secret`, which is not read here).
 *
 * Text from the server (names, people, masked keys, error messages) only ever stands
 * inside HTML blocks (`<table>`, `<p>`), where GitHub's Markdown makes no links, not even
 * autolinks, and is escaped there besides, so a key named `[Rotate now](https://…)` shows
 * as that text. Headings hold only the action's own words, numbers and validated slugs.
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
  const stored = r.storedAs === undefined ? '' : ` Stored as ${text(r.storedAs)}.`;
  const note = r.created
    ? `The secret is in the step output <code>api-key</code> (masked in logs).${stored}`
    : 'An active key with this name already existed (<code>if-exists: skip</code>): no new key, no secret.';
  return [
    `### ${title}`,
    '',
    table(
      ['Workspace', 'Name', 'Key id', 'Masked key'],
      [[text(r.workspace), text(r.key.name), code(r.key.id), code(r.key.masked_api_key)]]
    ),
    '',
    `<p>${note}</p>`,
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
    lines.push(
      table(
        ['Name', 'Key id', 'Masked key', 'Created', 'Result'],
        rows.map(({ k, status }) => [text(k.name), code(k.id), code(k.masked_api_key), text(dateOf(k)), status])
      ),
      ''
    );
  }
  if (r.failure) lines.push(`<p><strong>Failed:</strong> ${r.failure.split('\n').map(text).join('<br>')}</p>`, '');
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
  const keys = [...r.stale.map((s) => s.key), ...r.keys.filter((k) => !staleIds.has(k.id))];
  const rows: string[][] = [];
  let size = Buffer.byteLength(lines.join('\n'));
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

/** An HTML table as one block: no blank line inside, so Markdown never reads its cells. Cells are HTML already. */
function table(headers: string[], rows: string[][]): string {
  return ['<table>', `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`, ...rows.map(tableRow), '</table>'].join('\n');
}

function tableRow(cells: string[]): string {
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/**
 * Text from the API as HTML text on one line (an HTML block ends at a blank line): markup
 * escaped, and the brackets, backticks and pipes of Markdown links, code and tables as
 * numeric references besides.
 */
export function text(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\s+/g, ' ').replace(/[&<>"'[\]`|\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function code(value: unknown): string {
  return typeof value === 'string' && value !== '' ? `<code>${text(value)}</code>` : '';
}
