/**
 * Handing a new key over, for every command that mints one. The rule (docs/reliability.md):
 * a new key is committed the moment a GitHub secret holds it, or, without a secret, once its
 * outputs are written. Before that, every failure disables it again; after it, nothing in this
 * step disables it, and a failure says what the secret holds. A secret write whose outcome is
 * unknown is never rolled back either: the secret may hold the key.
 */
import { ActionError } from '../errors.js';
import { StoreWriteUnknown } from '../github/failure.js';
import type { PreparedSecret } from '../github/secrets-api.js';
import type { PreparedVariable } from '../github/variables-api.js';
import { isVariableTarget, scopeRules, type SecretTarget } from '../github/target.js';
import { describeError } from '../report/explain.js';
import type { SuprSendClient } from '../suprsend/client.js';
import type { CommandContext } from './command.js';

export interface Stored {
  /** Where, in words: "repository secret K in acme/shop". */
  where: string;
  /** Set when later jobs of this run still read the previous value. */
  notice?: string;
  /** Set when GitHub's answer to the write was lost and reading the secret back showed it landed. */
  settled?: string;
  /** An organization secret's access: kept, new, or changed from → to. */
  accessNote?: string;
}

/**
 * GitHub reads repository and organization secrets when a run is queued, and environment
 * secrets when a job that references the environment starts.
 */
function queuedSecretNotice(prepared: PreparedSecret): string | undefined {
  const { scope } = prepared.target;
  if (!scopeRules(scope).readAtQueue) return undefined;
  return (
    `Later jobs of this workflow run still read the previous value of ${prepared.where}: GitHub reads ${scope.kind} secrets when a run is queued. ` +
    `The new key reaches the next runs. For later jobs of the same run, store it as an environment secret ('secret-environment'), which is read when each job starts.`
  );
}

/** Stores the new key (a secret, or a public key's variable) where it was prepared to go (the target checked before the key was made). */
export async function storeNewKey(prepared: PreparedSecret | PreparedVariable, value: string): Promise<Stored> {
  const outcome = await prepared.write(value);
  const variable = isVariableTarget(prepared.target);
  const notice = variable ? undefined : queuedSecretNotice(prepared as PreparedSecret);
  const readBack = variable ? 'showed the new value there' : 'showed it was updated just now';
  return {
    where: prepared.where,
    ...(notice === undefined ? {} : { notice }),
    ...(prepared.accessNote === undefined ? {} : { accessNote: prepared.accessNote }),
    ...(outcome === 'settled'
      ? { settled: `GitHub's answer to the write was lost; reading ${prepared.where} back ${readBack}, so it holds the new key.` }
      : {})
  };
}

/**
 * Asks GitHub everything it can refuse about where the key will go, before the key is made:
 * a refusal then leaves nothing behind, and says so.
 */
export async function checkBeforeMinting(target: SecretTarget, context: Pick<CommandContext, 'prepareSecret'>): Promise<PreparedSecret> {
  return askGitHubFirst(() => context.prepareSecret(target), 'No key was created');
}

/** `prepare`, its failure followed by what was left undone (`nothingDone`: "No key was created"). */
export async function askGitHubFirst<P>(prepare: () => Promise<P>, nothingDone: string): Promise<P> {
  try {
    return await prepare();
  } catch (error) {
    throw new ActionError(`${describeError(error)} ${nothingDone}: GitHub is asked before SuprSend, so a refusal leaves nothing behind.`);
  }
}

export interface NewKeyHandOver {
  keyId: string;
  /** Undoes the new key after a failure before the commit point (an API key disabled, a signing key deleted), and words what became of it. */
  rollBack: (error: unknown) => Promise<ActionError>;
  /** How to undo it by hand ("disable key … (command 'delete' with key-id …)"), for when the secret's write is unknown. */
  undoByHand: string;
  /** Checks that the key works before anything depends on it (the hub); a failure rolls it back. */
  verify?: () => Promise<void>;
  /** Stores the secret, when asked; returns where it now holds the key (the commit point), or undefined. */
  store: () => Promise<string | undefined>;
  /** Writes the outputs (and saves what the post step needs). */
  publish: () => void;
}

/** Hands a new key over: checked (when asked), the secret, then the outputs; rolled back on failure up to the commit point. */
export async function handOverNewKey(h: NewKeyHandOver): Promise<void> {
  let heldBy: string | undefined;
  try {
    await h.verify?.();
    heldBy = await h.store();
    h.publish();
  } catch (error) {
    if (error instanceof StoreWriteUnknown) throw unknownWrite(h.keyId, h.undoByHand, error);
    if (heldBy !== undefined) {
      throw new ActionError(
        `${describeError(error)} The new key ${h.keyId} stays active: ${heldBy} holds it, and this step never takes back a key that GitHub holds.`
      );
    }
    throw await h.rollBack(error);
  }
}

function unknownWrite(keyId: string, undoByHand: string, unknown: StoreWriteUnknown): ActionError {
  const { target } = unknown.lost;
  const readBack = unknown.readBack === undefined ? 'its answer had no updated_at' : describeError(unknown.readBack);
  const noun = isVariableTarget(target) ? 'variable' : 'secret';
  const check = isVariableTarget(target)
    ? `Check the value of variable ${target.name} (Settings → Secrets and variables → Actions → Variables, or \`gh variable get ${target.name}\`): if it is the new key's, nothing is lost`
    : `Check when secret ${target.name} was last updated (Settings → Secrets and variables → Actions, or \`gh secret list\`): if just now, it holds key ${keyId} and nothing is lost`;
  return new ActionError(
    `${describeError(unknown.lost)} So the new key ${keyId} was not ${isVariableTarget(target) ? 'deleted' : 'disabled'}: the ${noun} may hold it now. ` +
      `Reading the ${noun} back to settle it failed too (${readBack}). ${check}; if not, ${undoByHand} and run again.`
  );
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
