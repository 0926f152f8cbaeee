/**
 * Passing a new key on: the GitHub secret, the post step's state. A key just created
 * whose secret could not be handed over must not stay live with nobody able to read
 * it: it is disabled again, and the error says so; if that fails too, the error names
 * the key to disable by hand.
 */
import { ActionError } from '../../errors.js';
import { storeKeyAsSecret } from '../../github/store-secret.js';
import { describeError } from '../../report/explain.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import { USER_AGENT } from '../../version.js';
import type { CommandContext } from '../command.js';
import { EPHEMERAL_KEY_STATE } from './ephemeral-state.js';
import type { CreateResult } from './run.js';
import type { CreateSettings } from './settings.js';

/** Stores the secret where asked (noting where in `result`), and saves the key for the post step when ephemeral. */
export async function handOverNewKey(
  result: CreateResult,
  secret: string,
  settings: CreateSettings,
  context: CommandContext
): Promise<void> {
  if (settings.secret !== undefined) result.storedAs = await storeKeyAsSecret(secret, settings.secret, USER_AGENT);
  if (settings.ephemeral) context.saveState(EPHEMERAL_KEY_STATE, result.key.id);
}

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
