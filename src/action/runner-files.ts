/**
 * The runner's files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY, RUNNER_TEMP)
 * can be missing, full or read-only. A failure to write one is worded for a person,
 * naming the file and the variable that points to it, never as `Unexpected Error:`.
 */
import { ActionError } from '../errors.js';

/** Runs `write`; a failure becomes "Could not write <what> to <variable> (<path>): <reason>". */
export function writeRunnerFile<T>(what: string, variable: string, env: Record<string, string | undefined>, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw runnerFileError(what, variable, env, error);
  }
}

export function runnerFileError(what: string, variable: string, env: Record<string, string | undefined>, error: unknown): ActionError {
  const path = env[variable];
  const where = path ? `${variable} (${path})` : `${variable}, which is not set`;
  // Errors from node:fs may come from another realm (a test's VM context): read the message, not the class.
  const message = (error as { message?: unknown } | undefined)?.message;
  const reason = typeof message === 'string' ? message : String(error);
  return new ActionError(`Could not write ${what} to ${where}: ${reason}.`);
}
