/**
 * The one way a value is quoted inside the action's own messages (a user's input in an error, a
 * key's name or a person from the server in the log): JSON-quoted, so line breaks and control
 * characters show as escapes and the value cannot end the line, and cut when long. In the base
 * layer, so every layer quotes alike. (An id is shown with `showId`: bare when it is one, else this.)
 */
export function quoted(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : '';
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate closest to `value`, when one is close enough to be a likely typo (at most a third of it differs). */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; d: number } | undefined;
  for (const candidate of candidates) {
    const d = distance(value.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || d < best.d) best = { candidate, d };
  }
  return best !== undefined && best.d <= Math.max(1, Math.floor(value.length / 3)) ? best.candidate : undefined;
}
