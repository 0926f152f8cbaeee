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
/** GitHub's own limit: a step summary over this is dropped whole ("upload aborted"). */
export const GITHUB_SUMMARY_LIMIT = 1024 * 1024;

/**
 * The one byte budget for every summary, whatever the command: one within GitHub's limit is
 * returned as it is; a longer one is cut at the last whole table row (or line) that fits, its open
 * table closed, with a note saying how many rows were left out and where they all are.
 */
export function fitSummary(markdown: string, limit = GITHUB_SUMMARY_LIMIT): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown;
  const note = (rows: number): string =>
    paragraph(
      `…and ${rows} more rows not shown: a job summary holds at most 1 MiB, and GitHub drops a longer one whole. ` +
        'The outputs have every key: <code>keys-file</code> (and <code>stale-key-ids</code>) for a listing, <code>planned-key-ids</code> and <code>deleted-key-ids</code> for a delete or a rotation.'
    );
  // Room for the note and a closing tag, with any row count.
  const room = limit - Buffer.byteLength(note(Number.MAX_SAFE_INTEGER)) - 64;
  let cut = Buffer.from(markdown).subarray(0, room).toString('utf8').length;
  const row = markdown.lastIndexOf('</tr>\n', cut);
  cut = row >= 0 ? row + '</tr>\n'.length : markdown.lastIndexOf('\n', cut) + 1;
  const kept = markdown.slice(0, cut);
  const rows = (markdown.slice(cut).match(/<tr>/g) ?? []).length;
  const open = (kept.match(/<table>/g) ?? []).length - (kept.match(/<\/table>/g) ?? []).length;
  const folded = (kept.match(/<details>/g) ?? []).length - (kept.match(/<\/details>/g) ?? []).length;
  return `${kept}${open > 0 ? '</table>\n' : ''}${folded > 0 ? '\n</details>\n' : ''}\n${note(rows)}\n`;
}

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
