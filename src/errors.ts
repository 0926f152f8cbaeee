/**
 * An error the user can act on. Its message is shown as the step's `::error::`
 * as it is (after redaction), without a stack trace.
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

/** The message to show for anything thrown: ours as written, others with their kind. */
export function describeError(error: unknown): string {
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return `Unexpected ${error.name}: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
