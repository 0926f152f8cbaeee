/**
 * The job summary's building blocks. Commands render their own summaries with these.
 *
 * Text from the server (names, people, masked keys, error messages) only ever stands
 * inside HTML blocks (`<table>`, `<p>`), where GitHub's Markdown makes no links, not even
 * autolinks, and is escaped there besides, so a key named `[Rotate now](https://…)` shows
 * as that text. Headings hold only the action's own words, numbers and validated slugs.
 */
import { parseRfc3339 } from '../dates.js';
import type { ApiKey } from '../suprsend/types.js';

/** GitHub rejects a step summary over 1 MiB; long tables stop well before that. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 64 * 1024;

export function dateOf(key: ApiKey): string {
  const at = typeof key.created_at === 'string' ? parseRfc3339(key.created_at) : undefined;
  return at === undefined ? 'unknown' : new Date(at).toISOString().slice(0, 10);
}

export function actor(key: ApiKey): string {
  const by = key.created_by;
  if (!by) return '';
  const name = typeof by.name === 'string' ? by.name : '';
  const email = typeof by.email === 'string' ? by.email : '';
  return name && email ? `${name} <${email}>` : name || email;
}

/** An HTML table as one block: no blank line inside, so Markdown never reads its cells. Cells are HTML already. */
export function table(headers: string[], rows: string[][]): string {
  return tableOfRows(headers, rows.map(tableRow));
}

/** The same, of rows already made by `tableRow`. */
export function tableOfRows(headers: string[], rows: string[]): string {
  return ['<table>', `<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`, ...rows, '</table>'].join('\n');
}

export function tableRow(cells: string[]): string {
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** A paragraph as an HTML block: its lines of text (escaped here), joined by line breaks. */
export function paragraph(html: string, ...lines: string[]): string {
  return `<p>${html}${lines.map(text).join('<br>')}</p>`;
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

export function code(value: unknown): string {
  return typeof value === 'string' && value !== '' ? `<code>${text(value)}</code>` : '';
}
