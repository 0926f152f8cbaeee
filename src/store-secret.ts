/**
 * Stores a key just created as a GitHub Actions secret, losing nothing: if GitHub
 * refuses, the new key is disabled again, so no live key is left that nobody can
 * read; if that fails too, the error names the key to disable by hand.
 */
import type { CreateResult } from './commands/result.js';
import { ActionError, describeError } from './errors.js';
import type { SecretTarget } from './settings.js';
import type { SuprSendClient } from './suprsend.js';

/** Returns where the secret was stored, in words for the summary. */
export async function storeKeyAsSecret(
  result: CreateResult & { secret: string },
  target: SecretTarget,
  client: SuprSendClient,
  userAgent: string
): Promise<string> {
  try {
    // Inside the try: if even loading the GitHub client fails, the new key is still rolled back.
    const { writeActionsSecret, describeTarget } = await import('./github-secrets.js');
    await writeActionsSecret(target, result.secret, userAgent);
    return describeTarget(target);
  } catch (error) {
    const reason = describeError(error);
    try {
      await client.disableKey(result.key.id);
    } catch (rollback) {
      throw new ActionError(
        `${reason} Disabling the new key ${result.key.id} failed too (${describeError(rollback)}): it is live and its secret is lost. ` +
          `Disable it by hand: command 'delete' with key-id ${result.key.id}.`
      );
    }
    throw new ActionError(`${reason} The new key ${result.key.id} was disabled again, so no live key is left that nobody can read.`);
  }
}
