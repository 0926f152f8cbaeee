/**
 * A key just created whose secret could not be handed over (stored, output, saved
 * for the post step) must not stay live with nobody able to read it: it is disabled
 * again, and the error says so; if that fails too, the error names the key to disable.
 */
import { ActionError, describeError } from './errors.js';
import type { SuprSendClient } from './suprsend.js';

export async function rollBackNewKey(client: SuprSendClient, keyId: string, error: unknown): Promise<ActionError> {
  const reason = describeError(error);
  try {
    await client.disableKey(keyId);
  } catch (rollback) {
    return new ActionError(
      `${reason} Disabling the new key ${keyId} failed too (${describeError(rollback)}): it is live and its secret is lost. ` +
        `Disable it by hand: command 'delete' with key-id ${keyId}.`
    );
  }
  return new ActionError(`${reason} The new key ${keyId} was disabled again, so no live key is left that nobody can read.`);
}
