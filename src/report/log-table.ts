/** Keys and tables in the step log: fixed-width columns, one line per row, server text escaped. */
import type { ApiKey } from '../suprsend/types.js';
import { quoted } from '../text.js';

/** Widest a column gets; longer values are cut with an ellipsis. */
const MAX_WIDTH = 40;

/**
 * A value from a server as one printable cell: line breaks, tabs and other control
 * characters shown as escapes (as in a JSON string), cut at `MAX_WIDTH`.
 */
export function cellText(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"') : '';
  return text.length > MAX_WIDTH ? `${text.slice(0, MAX_WIDTH - 1)}…` : text;
}

/** Rows (the first is the header) as lines with aligned columns and a rule under the header. */
export function textTable(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** A key in a log line: its name quoted, its id, and SuprSend's masked preview when there is one. */
export function describeKey(key: ApiKey): string {
  const masked = typeof key.masked_api_key === 'string' && key.masked_api_key !== '' ? `, ${cellText(key.masked_api_key)}` : '';
  return `key ${quoted(key.name)} (${key.id}${masked})`;
}

/** Names are compared exactly: which names exist that differ from the one given only in case. */
export function caseHint(name: string, workspace: string, others: string[]): string {
  return (
    `No active key is named ${quoted(name)} in workspace '${workspace}', but ${others.map((n) => quoted(n)).join(', ')} ` +
    `${others.length === 1 ? 'is' : 'are'}: names are compared exactly, case included. Check 'name'.`
  );
}
