/** Reads the job summary's HTML tables back as text, the way a person sees them. */

/** Each table row's cells as plain text (tags dropped, character references decoded), header rows included. */
export function summaryRows(summary: string): string[][] {
  return [...summary.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row = '']) =>
    [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, cell = '']) => decode(cell.replace(/<[^>]*>/g, '')))
  );
}

/** The row whose cells include this one exactly (a key id, say). */
export function rowWith(summary: string, cell: string): string[] | undefined {
  return summaryRows(summary).find((row) => row.includes(cell));
}

function decode(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
