/**
 * What the action needs from the outside world, passed in so tests can swap any
 * part of it: the runner's toolkit, the environment, HTTP, and time.
 */
import type { Transport } from './http.js';

/** The parts of `@actions/core` the action uses. */
export interface ActionCore {
  getInput(name: string): string;
  setSecret(secret: string): void;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, properties?: { title?: string }): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
}

export interface Deps {
  core: ActionCore;
  env: Record<string, string | undefined>;
  transport: Transport;
  /** Writes a file in the runner's temporary directory (RUNNER_TEMP) and returns its path. */
  writeTempFile: (name: string, content: string) => string;
  /** Writes Markdown to the job summary. */
  writeSummary: (markdown: string) => Promise<void>;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}
