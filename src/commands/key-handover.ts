/**
 * Handing a new key over, shared by create and rotate: storing it as a GitHub secret
 * (with a notice where later jobs of this run will not see it), and, when anything of
 * the hand-over fails, disabling it again so no live key is left that nobody can read.
 */
import { ActionError } from '../errors.js';
import type { SecretTarget } from '../github/failure.js';
import { storeKeyAsSecret } from '../github/store-secret.js';
import { describeError } from '../report/explain.js';
import type { SuprSendClient } from '../suprsend/client.js';
import { USER_AGENT } from '../version.js';
import type { CommandContext } from './command.js';

export interface Stored {
  /** Where, in words: "repository secret K in acme/shop". */
  where: string;
  /** Set when later jobs of this run still read the previous value. */
  notice?: string;
}

/**
 * GitHub reads repository and organization secrets when a run is queued, and environment
 * secrets when a job that references the environment starts.
 */
function queuedSecretNotice(target: SecretTarget, where: string): string | undefined {
  if (target.scope.kind === 'environment') return undefined;
  return (
    `Later jobs of this workflow run still read the previous value of ${where}: GitHub reads ${target.scope.kind} secrets when a run is queued. ` +
    `The new key reaches the next runs. For later jobs of the same run, store it as an environment secret ('secret-environment'), which is read when each job starts.`
  );
}

export async function storeNewKey(secret: string, target: SecretTarget, context: CommandContext): Promise<Stored> {
  const where = await storeKeyAsSecret(secret, target, USER_AGENT, { retries: context.retries, sleep: context.sleep, now: context.now });
  const notice = queuedSecretNotice(target, where);
  return notice === undefined ? { where } : { where, notice };
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
