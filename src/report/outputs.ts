/**
 * Where a command's results go besides the log: step outputs and files in the runner's
 * temporary directory. The sink the action hands to commands redacts every value but
 * 'api-key', the one output that carries a created secret (which also leaves, sealed,
 * to GitHub's API with `secret-name`; see src/github/). Files are redacted as written.
 */

/** GitHub's limit for one output ("a maximum of 1 MB"). */
export const MAX_OUTPUT_BYTES = 1_000_000;

import type { OutputName } from '../names.js';

export interface OutputSink {
  setOutput: (name: OutputName, value: string) => void;
  warning: (message: string) => void;
}

/**
 * A JSON array written to disk while it is made, so a listing of any size never sits in
 * memory: items go into sections (one per workspace, filled at once and in any order), and
 * `save` joins the sections in the order it names them into one file in the runner's
 * temporary directory.
 */
export interface ArrayFile {
  /** Appends JSON values, separated by commas, to a section. */
  append: (section: string, values: string) => void;
  /**
   * What was appended to a section, an append at a time, read back from disk (before `save`):
   * a listing hands its first keys to the log and the summary this way, rather than holding them while it runs.
   */
  readBack: (section: string) => Iterable<string>;
  /** One file named `name` of these sections in this order (the others are dropped): its path and size in bytes. */
  save: (name: string, sections: readonly string[]) => { path: string; bytes: number };
  /** The saved file's text: only for a small file. */
  read: () => string;
  /** Removes everything written: a step that failed leaves no half-made file behind. */
  discard: () => void;
}
