/**
 * `create` and `rotate` with 'key-type: public-key'. A public key is not a secret: its value is an
 * output as it is and, with 'variable-name', a GitHub Actions variable. Create: ask GitHub (when a
 * variable is asked for) → create → hand over (secure mode, the variable, the outputs; a failure
 * before the commit point deletes the new key again). Rotate: find the key → ask GitHub → rotate,
 * which SuprSend cannot undo (same id, a new value, no overlap: a warning, and 'dry-run' honoured)
 * → the outputs at once → the variable → secure mode; a failure then says where the value is.
 * A name shared by several keys names no key: that is an input error naming their ids.
 */
import { ActionError, InputError } from '../../errors.js';
import { StoreWriteUnknown } from '../../github/failure.js';
import type { PreparedVariable } from '../../github/variables-api.js';
import type { VariableTarget } from '../../github/target.js';
import { describeError } from '../../report/explain.js';
import type { PublicKey, PublicKeyClient } from '../../suprsend/public-keys.js';
import type { CommandContext, CommandDefinition, CommandOutcome, StepPort } from '../command.js';
import { askGitHubFirst, handOverNewKey, storeNewKey } from '../key-handover.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { describeKey, mintOutputs, mintSummary, tellMint, type PublicMintResult } from './report.js';
import {
  parsePublicCreate,
  parsePublicRotate,
  PUBLIC_CREATE_INPUTS,
  PUBLIC_ROTATE_INPUTS,
  type PublicCreateSettings,
  type PublicRotateSettings
} from './settings.js';

export type { PublicMintResult } from './report.js';

/** Applies 'secure-mode' when it is set and differs; the key as it then is. */
async function withSecureMode(client: PublicKeyClient, key: PublicKey, on: boolean | undefined): Promise<PublicKey> {
  return on === undefined || key.is_secure_mode_enabled === on ? key : client.setSecureMode(key.id, on);
}

/** GitHub is asked first when the value goes to a variable: a refusal leaves SuprSend untouched. */
function askFirst(context: CommandContext, target: VariableTarget | undefined, nothingDone: string): Promise<PreparedVariable | undefined> {
  return target === undefined ? Promise.resolve(undefined) : askGitHubFirst(() => context.prepareVariable(target), nothingDone);
}

/** Stores the value as the prepared variable, noting where in the result. */
async function storeValue(prepared: PreparedVariable, result: PublicMintResult, value: string): Promise<string> {
  result.stored = { ...(await storeNewKey(prepared, value)), variable: prepared.target.name };
  return result.stored.where;
}

const andStored = (target: VariableTarget | undefined): string => (target === undefined ? '' : `, stored as variable ${target.name}`);

export const publicCreateCommand: CommandDefinition<PublicCreateSettings, PublicMintResult> = {
  inputs: PUBLIC_CREATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicCreate,
  run: async (context, settings, step): Promise<CommandOutcome<PublicMintResult>> => {
    const client = context.publicKeys();
    const { workspace } = client;
    const result: PublicMintResult = { workspace };
    const publish = (): void => {
      publishOutputs(step, [workspace], mintOutputs(result));
    };
    if (settings.dryRun) {
      result.planned = `a public key named ${JSON.stringify(settings.name)} would be created in workspace '${workspace}'${andStored(settings.variable)}`;
      publish();
      return outcomeOf([workspace], result, [], true);
    }
    const prepared = await askFirst(context, settings.variable, 'No public key was created');
    const made = await client.create(settings.name, settings.description);
    result.key = made;
    await handOverNewKey({
      keyId: made.id,
      rollBack: (error) => deleteAgain(client, made, error),
      undoByHand: `delete public key ${made.id} (command 'delete' with 'key-type: public-key' and key-id ${made.id})`,
      store: async () => {
        result.key = await withSecureMode(client, made, settings.secureMode);
        return prepared === undefined ? undefined : storeValue(prepared, result, made.api_key ?? '');
      },
      publish
    });
    return outcomeOf([workspace], result, []);
  },
  render: ({ result }, _settings, context) =>
    rendered(
      context,
      (log) => {
        tellMint(result, false, log);
      },
      () => mintSummary(result, false)
    )
};

async function deleteAgain(client: PublicKeyClient, key: PublicKey, error: unknown): Promise<ActionError> {
  const reason = describeError(error);
  try {
    await client.delete(key.id);
  } catch (undo) {
    return new ActionError(
      `${reason} Deleting the new ${describeKey(key)} failed too (${describeError(undo)}). ` +
        `Delete it by hand if you do not want it: command 'delete' with 'key-type: public-key' and key-id ${key.id}.`
    );
  }
  return new ActionError(`${reason} The new ${describeKey(key)} was deleted again; run the step again once that is fixed.`);
}

export const publicRotateCommand: CommandDefinition<PublicRotateSettings, PublicMintResult> = {
  inputs: PUBLIC_ROTATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicRotate,
  run: (context, settings, step) => rotate(context, settings, step),
  render: ({ result }, _settings, context) =>
    rendered(
      context,
      (log) => {
        tellMint(result, true, log);
      },
      () => mintSummary(result, true)
    )
};

async function rotate(context: CommandContext, settings: PublicRotateSettings, step: StepPort): Promise<CommandOutcome<PublicMintResult>> {
  const client = context.publicKeys();
  const { workspace } = client;
  const before = await findKey(client, settings.by);
  const result: PublicMintResult = { workspace, before };
  const publish = (): void => {
    publishOutputs(step, [workspace], mintOutputs(result));
  };
  if (settings.dryRun) {
    result.planned = `${describeKey(before)} in workspace '${workspace}' would get a new value${andStored(settings.variable)}, breaking every client that still sends the old one`;
    publish();
    return outcomeOf([workspace], result, [], true);
  }
  const prepared = await askFirst(context, settings.variable, 'No public key was rotated');
  const rotated = await client.rotate(before.id);
  result.key = rotated;
  // SuprSend cannot undo a rotate: the new value goes to the outputs first, so it stays reachable whatever follows;
  // if even they cannot be written, the variable is still written, and the error says where the value is.
  let unpublished: unknown;
  try {
    publish();
  } catch (error) {
    unpublished = error;
  }
  try {
    // The variable before secure mode: while it holds the old value, every build that reads it ships a key that no longer works.
    if (prepared !== undefined) await storeValue(prepared, result, rotated.api_key ?? '');
    result.key = await withSecureMode(client, rotated, settings.secureMode);
  } catch (error) {
    throw afterRotate([unpublished, error], { key: rotated, workspace, published: unpublished === undefined }, prepared, result);
  }
  if (unpublished !== undefined) throw afterRotate([unpublished], { key: rotated, workspace, published: false }, prepared, result);
  return outcomeOf([workspace], result, []);
}

/** Failures after the rotate: what failed, that the rotate stands, and where the new value is. */
function afterRotate(
  errors: unknown[],
  { key, workspace, published }: { key: PublicKey; workspace: string; published: boolean },
  prepared: PreparedVariable | undefined,
  result: PublicMintResult
): ActionError {
  const why = errors
    .filter((error) => error !== undefined)
    .map((error) => (error instanceof StoreWriteUnknown ? `${describeError(error.lost)} (it may have been stored)` : describeError(error)))
    .join(' ');
  const variable = prepared?.target;
  const where =
    (published ? ", in this step's 'public-key' output," : '') + (result.stored === undefined ? '' : `, held by ${result.stored.where},`);
  const store =
    variable === undefined || result.stored !== undefined || !published
      ? ''
      : ` Store it as variable ${variable.name} from a following step of this job: ` +
        `\`gh variable set ${variable.name}${scopeFlags(variable)} --body "\${{ steps.<this step's id>.outputs.public-key }}"\`.`;
  return new ActionError(
    `${why} The ${describeKey(key)} in workspace '${workspace}' was rotated (SuprSend cannot undo a rotate): ` +
      `its new value is ${key.api_key ?? ''}${where} and 'list' with 'key-type: public-key' shows it.${store}`
  );
}

/** `gh variable set`'s flags for the variable's scope. */
function scopeFlags(target: VariableTarget): string {
  const { scope } = target;
  switch (scope.kind) {
    case 'repository':
      return ` --repo ${scope.owner}/${scope.repo}`;
    case 'environment':
      return ` --repo ${scope.owner}/${scope.repo} --env ${JSON.stringify(scope.environment)}`;
    case 'organization':
      return ` --org ${scope.org} --visibility ${scope.visibility ?? 'private'}${scope.visibility === 'selected' ? ` --repos ${scope.repositories.join(',')}` : ''}`;
  }
}

/** The one active key with this id, or this name; none, or a name shared by several, is an input error. */
async function findKey(client: PublicKeyClient, by: PublicRotateSettings['by']): Promise<PublicKey> {
  const keys = (await client.list()).filter((k) => k.is_deleted !== true);
  const found = 'keyId' in by ? keys.filter((k) => k.id === by.keyId) : keys.filter((k) => k.name === by.name);
  const input = 'keyId' in by ? 'key-id' : 'name';
  const wanted = 'keyId' in by ? by.keyId : JSON.stringify(by.name);
  const [only] = found;
  if (only === undefined) {
    throw new InputError(
      input,
      `names no public key in workspace '${client.workspace}' (${wanted}); it has ${keys.map((k) => `${JSON.stringify(k.name ?? '')} (${k.id})`).join(', ') || 'none'}.`
    );
  }
  if (found.length > 1) {
    throw new InputError(
      'name',
      `${wanted} is the name of ${found.length} public keys (${found.map((k) => k.id).join(', ')}): rotate one by 'key-id'.`
    );
  }
  return only;
}
