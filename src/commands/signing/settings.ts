/** The settings of the commands with 'key-type: signing-key': a workspace's one active signing key. */
import { InputError } from '../../errors.js';
import { readSecretTarget, SECRET_INPUTS } from '../../github/secret-target.js';
import type { SecretTarget } from '../../github/target.js';
import { boolean, oneOf, type InputReader } from '../../inputs/read.js';
import { keyIdList } from '../../inputs/rules.js';
import type { Env } from '../command.js';
import { readStaleRule } from '../list/settings.js';

export const SECRET_FORMATS = ['base64', 'pem'] as const;
export type SecretFormat = (typeof SECRET_FORMATS)[number];

export const SIGNING_MINT_INPUTS = ['dry-run', 'secret-format', ...SECRET_INPUTS] as const;
export const SIGNING_LIST_INPUTS = ['max-age-days', 'fail-on-stale'] as const;
export const SIGNING_DELETE_INPUTS = ['key-id', 'dry-run'] as const;

/** `create` (when none is active) or `rotate` (a roll of the active key, or a create when none is). */
export interface SigningMintSettings<C extends 'create' | 'rotate'> {
  command: C;
  keyType: 'signing-key';
  dryRun: boolean;
  secret: SecretTarget | undefined;
  /** How the private key is stored in the secret. */
  format: SecretFormat;
}

export interface SigningListSettings {
  command: 'list';
  keyType: 'signing-key';
  maxAgeDays: number | undefined;
  failOnStale: boolean;
}

export interface SigningDeleteSettings {
  command: 'delete';
  keyType: 'signing-key';
  /** The key's id (ws_signk_…) or uid (signing_key_…). */
  keyId: string;
  dryRun: boolean;
}

export function signingMint<C extends 'create' | 'rotate'>(command: C) {
  return (input: InputReader, env: Env): SigningMintSettings<C> => {
    const secret = readSecretTarget(input, env);
    if (secret === undefined && input.isSet('secret-format')) {
      throw new InputError('secret-format', "only applies with 'secret-name': set the secret's name too, or remove it.");
    }
    return {
      command,
      keyType: 'signing-key',
      dryRun: boolean(input.read, 'dry-run'),
      secret,
      format: oneOf(input.read, 'secret-format', SECRET_FORMATS)
    };
  };
}

export function parseSigningList({ read }: InputReader): SigningListSettings {
  return { command: 'list', keyType: 'signing-key', ...readStaleRule(read) };
}

export function parseSigningDelete({ read }: InputReader): SigningDeleteSettings {
  const ids = keyIdList(read('key-id'));
  const [keyId] = ids;
  if (keyId === undefined || ids.length > 1) {
    throw new InputError(
      'key-id',
      "takes exactly one signing key for 'key-type: signing-key': its id (ws_signk_…) or its uid (signing_key_…), as 'list' shows them."
    );
  }
  return { command: 'delete', keyType: 'signing-key', keyId, dryRun: boolean(read, 'dry-run') };
}
