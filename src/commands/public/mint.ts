/**
 * `create` and `rotate` with 'key-type: public-key'. A public key is not a secret: its value is an
 * output as it is. Rotating replaces the value in place (same id) and SuprSend keeps no overlap, so
 * every client still sending the old value breaks: a rotate warns, and honours 'dry-run'. A name
 * shared by several keys names no key: that is an input error naming their ids.
 */
import { InputError } from '../../errors.js';
import { table, code, text } from '../../report/summary.js';
import type { PublicKey, PublicKeyClient } from '../../suprsend/public-keys.js';
import type { CommandDefinition, CommandOutcome } from '../command.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import {
  parsePublicCreate,
  parsePublicRotate,
  PUBLIC_CREATE_INPUTS,
  PUBLIC_ROTATE_INPUTS,
  type PublicCreateSettings,
  type PublicRotateSettings
} from './settings.js';

export interface PublicMintResult {
  workspace: string;
  /** The key before a rotate. */
  before?: PublicKey;
  /** The key as it now is (created or rotated); undefined in a dry run. */
  key?: PublicKey;
  /** What a dry run would do, in words. */
  planned?: string;
}

function outputs(
  result: PublicMintResult
): (sink: { setOutput: (name: 'key-id' | 'public-key' | 'created' | 'api-key', value: string) => void }) => void {
  return ({ setOutput }) => {
    setOutput('key-id', result.key?.id ?? result.before?.id ?? '');
    setOutput('public-key', result.key?.api_key ?? '');
    setOutput('created', result.key !== undefined && result.before === undefined ? 'true' : 'false');
    setOutput('api-key', '');
  };
}

/** Applies 'secure-mode' when it is set and differs; the key as it then is. */
async function withSecureMode(client: PublicKeyClient, key: PublicKey, on: boolean | undefined): Promise<PublicKey> {
  return on === undefined || key.is_secure_mode_enabled === on ? key : client.setSecureMode(key.id, on);
}

const describe = (key: PublicKey): string => `public key ${JSON.stringify(key.name ?? '')} (${key.id})`;

function render(r: PublicMintResult, rotate: boolean) {
  return (log: { info: (m: string) => void; warning: (m: string, t?: string) => void }): void => {
    if (r.planned !== undefined) {
      log.info(`Dry run: nothing is changed; ${r.planned}.`);
      return;
    }
    if (r.key === undefined) return;
    if (rotate && r.before !== undefined) {
      log.info(
        `Rotated ${describe(r.key)} in workspace '${r.workspace}': same id, new value ${r.key.api_key ?? ''} (in the 'public-key' output).`
      );
      log.warning(
        `The old value of ${describe(r.key)} in workspace '${r.workspace}' no longer works: every client still sending it breaks until it gets the new one (SuprSend keeps no overlap).`,
        'Public key rotated'
      );
    } else {
      log.info(`Created ${describe(r.key)} in workspace '${r.workspace}': its value is in the 'public-key' output.`);
    }
    log.info(`Secure mode is ${r.key.is_secure_mode_enabled === true ? 'on' : 'off'} for it.`);
  };
}

function summary(r: PublicMintResult, rotate: boolean): string {
  const title =
    r.planned !== undefined ? 'Dry run: SuprSend public key' : rotate ? 'SuprSend public key rotated' : 'SuprSend public key created';
  const key = r.key ?? r.before;
  const rows =
    key === undefined
      ? []
      : [[text(key.name), code(key.id), code(r.key?.api_key ?? ''), text(r.key?.is_secure_mode_enabled === true ? 'on' : 'off')]];
  return [
    `### ${title} in \`${r.workspace}\``,
    '',
    ...(r.planned !== undefined ? [text(r.planned), ''] : []),
    table(['Name', 'Key id', 'Value', 'Secure mode'], rows),
    ''
  ].join('\n');
}

export const publicCreateCommand: CommandDefinition<PublicCreateSettings, PublicMintResult> = {
  inputs: PUBLIC_CREATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicCreate,
  run: async (context, settings, step): Promise<CommandOutcome<PublicMintResult>> => {
    const client = context.publicKeys();
    const { workspace } = client;
    const result: PublicMintResult = { workspace };
    if (settings.dryRun)
      result.planned = `a public key named ${JSON.stringify(settings.name)} would be created in workspace '${workspace}'`;
    else result.key = await withSecureMode(client, await client.create(settings.name, settings.description), settings.secureMode);
    publishOutputs(step, [workspace], outputs(result));
    return outcomeOf([workspace], result, [], settings.dryRun);
  },
  render: ({ result }, _settings, context) => rendered(context, render(result, false), () => summary(result, false))
};

export const publicRotateCommand: CommandDefinition<PublicRotateSettings, PublicMintResult> = {
  inputs: PUBLIC_ROTATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parsePublicRotate,
  run: async (context, settings, step): Promise<CommandOutcome<PublicMintResult>> => {
    const client = context.publicKeys();
    const { workspace } = client;
    const before = await findKey(client, settings.by);
    const result: PublicMintResult = { workspace, before };
    if (settings.dryRun)
      result.planned = `${describe(before)} in workspace '${workspace}' would get a new value, breaking every client that still sends the old one`;
    else result.key = await withSecureMode(client, await client.rotate(before.id), settings.secureMode);
    // The new value goes to the outputs at once: SuprSend cannot undo a rotate.
    publishOutputs(step, [workspace], outputs(result));
    return outcomeOf([workspace], result, [], settings.dryRun);
  },
  render: ({ result }, _settings, context) => rendered(context, render(result, true), () => summary(result, true))
};

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
