/**
 * The parts of a secret to mask one by one: the runner matches masks within a line, so a secret
 * of several lines (a PEM) is masked whole and line by line, each line trimmed. In the base layer:
 * the inputs' credentials and the keys SuprSend returns are masked alike.
 */
export function secretParts(value: string): string[] {
  const lines = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== value);
  return [value, ...lines];
}
