/**
 * What the action needs from the outside world, passed in so tests can swap any
 * part of it: the runner's toolkit, the environment, HTTP, files, and time.
 */
import type { Transport } from '../net/http.js';
import type { Printer } from '../report/log.js';
import type { ArrayFile } from '../report/outputs.js';

/** The parts of `@actions/core` the action uses. */
export interface ActionCore extends Printer {
  getInput: (name: string) => string;
  setOutput: (name: string, value: string) => void;
  saveState: (name: string, value: string) => void;
  getState: (name: string) => string;
}

export interface Deps {
  core: ActionCore;
  env: Record<string, string | undefined>;
  transport: Transport;
  /** A JSON array file in the runner's temporary directory (RUNNER_TEMP), written while it is made. */
  createArrayFile: () => ArrayFile;
  /** Writes Markdown to the job summary. */
  writeSummary: (markdown: string) => Promise<void>;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}
