/**
 * A log that records instead of printing, for renderers: a command's outcome is rendered into
 * entries (pure: nothing printed, nothing masked), which the step's log then prints in order
 * (`replay`), secrets removed and workflow commands neutralised there as for every line.
 */
import type { Log } from './log.js';

export type LogEntry =
  | { kind: 'info'; text: string }
  | { kind: 'warning' | 'notice'; text: string; title: string | undefined }
  | { kind: 'group'; title: string; lines: string[] };

/** A log whose lines are kept in `entries`; `warningsLeft` starts from what the step has left. */
export function recordingLog(warningsLeft: number): { log: Log; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  let left = warningsLeft;
  const refuse = (what: string) => (): never => {
    throw new Error(`a renderer does not ${what}`);
  };
  const log: Log = {
    mask: refuse('mask secrets'),
    redact: (text) => text,
    info: (text) => entries.push({ kind: 'info', text }),
    group: (title, lines) => entries.push({ kind: 'group', title, lines }),
    warning: (text, title) => {
      left = Math.max(0, left - 1);
      entries.push({ kind: 'warning', text, title });
    },
    warningsLeft: () => left,
    notice: (text, title) => entries.push({ kind: 'notice', text, title }),
    debug: refuse('write debug lines'),
    fail: refuse('fail the step')
  };
  return { log, entries };
}

/** Prints recorded entries through the step's log, in order. */
export function replay(entries: readonly LogEntry[], log: Log): void {
  for (const entry of entries) {
    switch (entry.kind) {
      case 'info':
        log.info(entry.text);
        break;
      case 'group':
        log.group(entry.title, entry.lines);
        break;
      case 'warning':
        log.warning(entry.text, entry.title);
        break;
      case 'notice':
        log.notice(entry.text, entry.title);
        break;
    }
  }
}
