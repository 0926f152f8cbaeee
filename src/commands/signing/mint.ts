/**
 * `create` and `rotate` with 'key-type: signing-key', each story in order. Create: list (one active
 * key is allowed: if there is one, stop before any write) → ask GitHub → create → hand over (store,
 * publish; a failure before the commit point deletes the new key again). Rotate with an active key:
 * list → ask GitHub → roll, which SuprSend cannot undo → publish the new private key at once (so it
 * stays reachable) → store it; a failure then says where the key is. Rotate without one creates.
 */
import { ActionError } from '../../errors.js';
import { StoreWriteUnknown } from '../../github/failure.js';
import type { PreparedSecret } from '../../github/secrets-api.js';
import { describeError } from '../../report/explain.js';
import type { NewSigningKey, SigningKey, SigningKeyClient } from '../../suprsend/signing-keys.js';
import type { CommandContext, CommandDefinition, CommandOutcome, StepPort } from '../command.js';
import { checkBeforeMinting, handOverNewKey, storeNewKey, type Stored } from '../key-handover.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { mintOutputs, mintSummary, tellMint } from './report.js';
import { signingMint, SIGNING_MINT_INPUTS, type SigningMintSettings } from './settings.js';

export interface MintResult {
  workspace: string;
  /** The active key before this step, if any: the one a rotate rolls. */
  active: SigningKey | undefined;
  made?: NewSigningKey;
  rolled: boolean;
  stored?: Stored;
}

/** Create and rotate differ only in what they do when a key is active: one definition each, built alike. */
function mintCommand<C extends 'create' | 'rotate'>(command: C): CommandDefinition<SigningMintSettings<C>, MintResult> {
  return {
    inputs: SIGNING_MINT_INPUTS,
    manyWorkspaces: () => false,
    parse: signingMint(command),
    run: (context, settings, step) => mint(context, settings, step),
    render: ({ result }, settings, context) =>
      rendered(
        context,
        (log) => {
          tellMint(result, settings, log);
        },
        () => mintSummary(result, settings)
      )
  };
}

export const signingCreateCommand = mintCommand('create');
export const signingRotateCommand = mintCommand('rotate');

async function mint(
  context: CommandContext,
  settings: SigningMintSettings<'create' | 'rotate'>,
  step: StepPort
): Promise<CommandOutcome<MintResult>> {
  const client = context.signingKeys();
  const { workspace } = client;
  const active = (await client.list()).find((key) => key.status === 'active');
  if (active !== undefined && settings.command === 'create') {
    throw new ActionError(
      `Workspace '${workspace}' already has an active signing key (${active.id}, uid ${active.uid}), and SuprSend allows one; nothing was created. ` +
        "To replace it, use command 'rotate' with 'key-type: signing-key'."
    );
  }
  const result: MintResult = { workspace, active, rolled: false };
  const publish = (): void => {
    publishOutputs(step, [workspace], (sink) => {
      mintOutputs(result, sink);
    });
  };
  if (settings.dryRun) {
    publish();
    return outcomeOf([workspace], result, [], true);
  }
  // GitHub is asked first: a target it refuses means nothing is created or rolled.
  const prepared = settings.secret === undefined ? undefined : await checkBeforeMinting(settings.secret, context);
  if (active === undefined) await createAndHandOver(client, result, prepared, settings, publish);
  else await rollAndHandOver(client, active, result, prepared, settings, publish);
  return outcomeOf([workspace], result, []);
}

function secretValue(made: NewSigningKey, settings: SigningMintSettings<'create' | 'rotate'>): string {
  return settings.format === 'pem' ? made.privateKeyPem : made.privateKeyBase64;
}

async function createAndHandOver(
  client: SigningKeyClient,
  result: MintResult,
  prepared: PreparedSecret | undefined,
  settings: SigningMintSettings<'create' | 'rotate'>,
  publish: () => void
): Promise<void> {
  const made = await client.create();
  result.made = made;
  const { id, uid } = made.key;
  await handOverNewKey({
    keyId: id,
    rollBack: (error) => deleteAgain(client, made.key, error),
    undoByHand: `delete signing key ${id} (command 'delete' with 'key-type: signing-key' and key-id ${uid})`,
    store: async () => {
      if (prepared !== undefined) result.stored = await storeNewKey(prepared, secretValue(made, settings));
      return result.stored?.where;
    },
    publish
  });
}

async function deleteAgain(client: SigningKeyClient, key: SigningKey, error: unknown): Promise<ActionError> {
  const reason = describeError(error);
  try {
    await client.delete(key.uid);
  } catch (undo) {
    return new ActionError(
      `${reason} Deleting the new signing key ${key.id} failed too (${describeError(undo)}): it is active and its private key is lost. ` +
        `Delete it by hand: command 'delete' with 'key-type: signing-key' and key-id ${key.uid}.`
    );
  }
  return new ActionError(
    `${reason} The new signing key ${key.id} was deleted again, so no active key is left whose private key nobody has.`
  );
}

async function rollAndHandOver(
  client: SigningKeyClient,
  active: SigningKey,
  result: MintResult,
  prepared: PreparedSecret | undefined,
  settings: SigningMintSettings<'create' | 'rotate'>,
  publish: () => void
): Promise<void> {
  const made = await client.roll(active.uid);
  result.made = made;
  result.rolled = true;
  // A roll cannot be undone: the new private key goes to the outputs first, so it stays reachable whatever follows;
  // if even they cannot be written, the secret is still tried, and the error says where the key is, or that it is lost.
  let unpublished: unknown;
  try {
    publish();
  } catch (error) {
    unpublished = error;
  }
  const rolled = `The signing key ${active.id} was rolled (SuprSend cannot undo a roll), and the new key ${made.key.id} is active`;
  let storeFailure: unknown;
  if (prepared !== undefined) {
    try {
      result.stored = await storeNewKey(prepared, secretValue(made, settings));
    } catch (error) {
      storeFailure = error;
    }
  }
  if (unpublished !== undefined) {
    const where =
      result.stored === undefined
        ? 'its private key is lost: roll it again once the outputs can be written'
        : `${result.stored.where} holds its private key`;
    throw new ActionError(`${describeError(unpublished)} ${rolled}; ${where}.`);
  }
  if (storeFailure === undefined || prepared === undefined) return;
  const why =
    storeFailure instanceof StoreWriteUnknown
      ? `${describeError(storeFailure.lost)} (it may have been stored)`
      : describeError(storeFailure);
  throw new ActionError(
    `${why} ${rolled}: its private key is ` +
      `in this step's masked 'private-key' output (PEM) and 'private-key-base64'. Save it from a following step of this job, e.g. ` +
      `'gh secret set ${prepared.target.name}' with the value \${{ steps.<this step's id>.outputs.private-key-base64 }}, before the job ends: it is shown only once.`
  );
}
