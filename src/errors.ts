/**
 * An error the user can act on. Its message is shown as the step's `::error::`
 * as it is (after redaction), without a stack trace. Failures that need wording
 * (SuprSend's, GitHub's) are worded in `src/report/explain.ts`.
 */
export class ActionError extends Error {
  override name = 'ActionError';
}

/** A bad input, found before any request is made. */
export class InputError extends ActionError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    problem: string
  ) {
    super(`Input '${input}': ${problem}`);
  }
}
