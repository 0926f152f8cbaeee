/**
 * The only way the action prints: every line, annotation, debug message and failure
 * goes through `say` (secrets removed, workflow commands neutralised), so no call site
 * can forget it. Outputs and files use `redact` (secrets removed, text kept as it is).
 */
import { secrecy } from './redact.js';

/** The parts of `@actions/core` that print. */
export interface Printer {
  setSecret: (secret: string) => void;
  info: (message: string) => void;
  warning: (message: string, properties?: { title?: string }) => void;
  debug: (message: string) => void;
  setFailed: (message: string) => void;
  notice: (message: string, properties?: { title?: string }) => void;
  startGroup: (title: string) => void;
  endGroup: () => void;
}

export interface Log {
  /** Registers a secret with the runner and with this log's redaction, before it can be printed. */
  mask: (secret: string) => void;
  /** Secrets removed, for values that are not printed (outputs, files). */
  redact: (text: string) => string;
  info: (message: string) => void;
  /** Lines in a collapsible group of the step log (the title stays visible). */
  group: (title: string, lines: string[]) => void;
  warning: (message: string, title?: string) => void;
  /** How many more warning annotations GitHub will show for this step (it shows 10; the rest are dropped). */
  warningsLeft: () => number;
  /** An annotation people see on the run's page, for what they must know but is not wrong. */
  notice: (message: string, title?: string) => void;
  debug: (message: string) => void;
  /** Fails the step with this message as its `::error::`. */
  fail: (message: string) => void;
}

/** Warning annotations GitHub shows for one step (and as many errors and notices); it drops the rest. */
export const WARNINGS_SHOWN = 10;

export function createLog(core: Printer): Log {
  const { mask, redact, say } = secrecy((secret) => {
    core.setSecret(secret);
  });
  let warnings = 0;
  return {
    mask,
    redact,
    info: (message) => {
      core.info(say(message));
    },
    group: (title, lines) => {
      core.startGroup(say(title));
      for (const line of lines) core.info(say(line));
      core.endGroup();
    },
    warning: (message, title) => {
      warnings++;
      core.warning(say(message), title === undefined ? undefined : { title });
    },
    warningsLeft: () => Math.max(0, WARNINGS_SHOWN - warnings),
    notice: (message, title) => {
      core.notice(say(message), title === undefined ? undefined : { title });
    },
    debug: (message) => {
      core.debug(say(message));
    },
    fail: (message) => {
      core.setFailed(say(message));
    }
  };
}

/** Rows a person can scan in the log without opening a group. */
const INLINE_LINES = 20;

/** Lines printed as they are when few, in a collapsible group titled `title` when many. */
export function tellLines(log: Log, title: string, lines: string[]): void {
  if (lines.length <= INLINE_LINES)
    lines.forEach((line) => {
      log.info(line);
    });
  else log.group(title, lines);
}
