/**
 * What may leave the action as text. Two jobs, always together on the way out:
 * - redaction: secrets removed. The runner masks what `core.setSecret` registered,
 *   but the action must not rely on that alone: an API may echo a secret back, and
 *   local runs (the demo, tests) have no runner in between;
 * - neutralising: text from a server printed to the log can never become a workflow
 *   command (`::error::`, `::add-mask::`, `##[…]`) or carry terminal control codes.
 */

/** A full (unmasked) SuprSend API key as SuprSend writes it: `SS.` then many key characters. */
const FULL_KEY_PATTERN = /\bSS\.[A-Za-z0-9_-]{16,}/g;
const REDACTED = '***';

// Matching control characters is the point.
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A zero-width space: breaks a command marker without changing what a reader sees. */
const ZWSP = '\u200b';

/**
 * What every entry point needs: `mask` registers a secret with the runner and the
 * redactor at once; `redact` removes secrets (for outputs and files); `say` removes
 * secrets and neutralises workflow commands (for anything printed to the log).
 */
export interface Secrecy {
  mask: (secret: string) => void;
  redact: (text: string) => string;
  say: (text: string) => string;
}

export function secrecy(setSecret: (secret: string) => void): Secrecy {
  const redactor = new Redactor();
  return {
    mask: (secret) => {
      redactor.add(secret);
      setSecret(secret);
    },
    redact: (text) => redactor.redact(text),
    say: (text) => neutralize(redactor.redact(text))
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
      // Only text that holds the secret is rebuilt: the keys file is redacted chunk by chunk.
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out.replace(FULL_KEY_PATTERN, REDACTED);
  }
}

/**
 * Text safe to print as log lines: control characters (ESC, BEL, NUL, CR, …) shown as
 * `\u001b`-style escapes; a line that would start a workflow command (`::name::`, after
 * the leading spaces the runner skips) and any `##[` get a zero-width space inside the marker.
 * Tabs and line breaks stay: messages of several lines are the action's own.
 */
export function neutralize(text: string): string {
  return text
    .replace(CONTROL_BUT_TAB_AND_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/^(\s*):(?=:)/gm, `$1:${ZWSP}`)
    .replace(/##\[/g, `#${ZWSP}#[`);
}
