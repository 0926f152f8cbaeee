/**
 * Where a command's results go besides the log: step outputs and files in the runner's
 * temporary directory. The sink the action hands to commands redacts every value but
 * 'api-key', the one output that carries a created secret (which also leaves, sealed,
 * to GitHub's API with `secret-name`; see src/github/).
 */

/** GitHub's limit for one output ("a maximum of 1 MB"). */
export const MAX_OUTPUT_BYTES = 1_000_000;

export interface OutputSink {
  setOutput: (name: string, value: string) => void;
  warning: (message: string) => void;
  /**
   * Writes a file in the runner's temporary directory, chunk by chunk as the iterable yields
   * them, and returns its path. Each chunk is redacted on its own: cut chunks between values.
   */
  writeTempFile: (name: string, chunks: Iterable<string>) => string;
}
