/** Reads the job summary's HTML tables back as text, the way a person sees them. */

/** Each table row's cells as plain text (tags dropped, character references decoded), header rows included. */
export function summaryRows(summary: string): string[][] {
  return [...summary.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row = '']) =>
    [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, cell = '']) => decode(cell.replace(/<[^>]*>/g, '')))
  );
}

/**
 * The row whose cells include this one exactly (a key id, say), in the full tables: a listing's
 * summary opens with an overview and the stale keys, and folds every key's row in `<details>` after.
 */
export function rowWith(summary: string, cell: string): string[] | undefined {
  return summaryRows(fullTables(summary)).find((row) => row.includes(cell));
}

/** A summary from its first `<details>` block on (a listing's full tables), or all of it when it has none. */
export function fullTables(summary: string): string {
  const at = summary.indexOf('<details>');
  return at < 0 ? summary : summary.slice(at);
}

function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
