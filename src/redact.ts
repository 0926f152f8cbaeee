/**
 * Removes secrets from text before the action prints it. The runner masks what
 * `core.setSecret` registered, but the action must not rely on that alone: an API
 * error message may echo a secret back, and local runs (the demo, tests) have no
 * runner in between.
 */

/** A full (unmasked) SuprSend API key as SuprSend writes it: `SS.` then many key characters. */
const FULL_KEY_PATTERN = /\bSS\.[A-Za-z0-9_-]{16,}/g;
const REDACTED = '***';

/**
 * What every entry point needs: `mask` registers a secret with the runner and the
 * redactor at once; `say` redacts text before it is printed.
 */
export function secrecy(setSecret: (secret: string) => void): { mask: (secret: string) => void; say: (text: string) => string } {
  const redactor = new Redactor();
  return {
    mask: (secret) => {
      redactor.add(secret);
      setSecret(secret);
    },
    say: (text) => redactor.redact(text)
  };
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remember a secret; values shorter than 4 characters would redact ordinary text and are ignored. */
  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is removed whole.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(s).join(REDACTED);
    }
    return out.replace(FULL_KEY_PATTERN, REDACTED);
  }
}
