/**
 * A value shown inside one of the action's own messages: JSON-quoted, so line breaks and
 * control characters show as escapes and the value cannot end the line, and cut when long.
 * In the base layer: input errors, the client's warnings and the log all quote this way.
 */
export function quoted(value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : '';
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}
