/** The settings of the commands with 'key-type: public-key': what browser and mobile SDKs send (not a secret). */
import { InputError } from '../../errors.js';
import { boolean, oneOf, type InputReader } from '../../inputs/read.js';
import { description, keyIdList, keyName } from '../../inputs/rules.js';
import { readVariableTarget, VARIABLE_INPUTS } from '../../github/secret-target.js';
import type { VariableTarget } from '../../github/target.js';
import type { Env } from '../command.js';

export const PUBLIC_CREATE_INPUTS = ['name', 'description', 'secure-mode', 'dry-run', ...VARIABLE_INPUTS] as const;
export const PUBLIC_ROTATE_INPUTS = ['name', 'key-id', 'secure-mode', 'dry-run', ...VARIABLE_INPUTS] as const;
export const PUBLIC_LIST_INPUTS = [] as const;
export const PUBLIC_DELETE_INPUTS = ['key-id', 'dry-run'] as const;

const SECURE_MODES = ['on', 'off'] as const;

export interface PublicCreateSettings {
  command: 'create';
  keyType: 'public-key';
  name: string;
  description: string | undefined;
  /** Undefined: leave it as SuprSend makes it. */
  secureMode: boolean | undefined;
  /** Where to store the value as a GitHub Actions variable ('variable-name'), if anywhere. */
  variable: VariableTarget | undefined;
  dryRun: boolean;
}

export interface PublicRotateSettings {
  command: 'rotate';
  keyType: 'public-key';
  /** The key to rotate: by its id, or by its name (which must be one key's). */
  by: { keyId: string } | { name: string };
  secureMode: boolean | undefined;
  variable: VariableTarget | undefined;
  dryRun: boolean;
}

export interface PublicListSettings {
  command: 'list';
  keyType: 'public-key';
}

export interface PublicDeleteSettings {
  command: 'delete';
  keyType: 'public-key';
  keyId: string;
  dryRun: boolean;
}

function secureMode({ read }: InputReader): boolean | undefined {
  return read('secure-mode') === '' ? undefined : oneOf(read, 'secure-mode', SECURE_MODES) === 'on';
}

function oneKeyId({ read }: InputReader): string | undefined {
  const ids = keyIdList(read('key-id'));
  if (ids.length > 1) throw new InputError('key-id', "takes one public key's id (ws_pubk_…) for 'key-type: public-key'.");
  return ids[0];
}

export function parsePublicCreate(input: InputReader, env: Env): PublicCreateSettings {
  const name = keyName(input.read);
  if (name === undefined) {
    throw new InputError('name', "is required for command 'create' with 'key-type: public-key': the name the new key gets, e.g. web-app.");
  }
  return {
    command: 'create',
    keyType: 'public-key',
    name,
    description: description(input.read),
    secureMode: secureMode(input),
    variable: readVariableTarget(input, env),
    dryRun: boolean(input.read, 'dry-run')
  };
}

export function parsePublicRotate(input: InputReader, env: Env): PublicRotateSettings {
  const keyId = oneKeyId(input);
  const name = keyName(input.read);
  if ((keyId === undefined) === (name === undefined)) {
    throw new InputError(
      keyId === undefined ? 'key-id' : 'name',
      "with 'key-type: public-key', 'rotate' takes the key to rotate by 'key-id' or by 'name': set exactly one of them."
    );
  }
  return {
    command: 'rotate',
    keyType: 'public-key',
    by: keyId !== undefined ? { keyId } : { name: name ?? '' },
    secureMode: secureMode(input),
    variable: readVariableTarget(input, env),
    dryRun: boolean(input.read, 'dry-run')
  };
}

export function parsePublicList(): PublicListSettings {
  return { command: 'list', keyType: 'public-key' };
}

export function parsePublicDelete(input: InputReader): PublicDeleteSettings {
  const keyId = oneKeyId(input);
  if (keyId === undefined)
    throw new InputError('key-id', "is required for command 'delete' with 'key-type: public-key': the key's id (ws_pubk_…).");
  return { command: 'delete', keyType: 'public-key', keyId, dryRun: boolean(input.read, 'dry-run') };
}
