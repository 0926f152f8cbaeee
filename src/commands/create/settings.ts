import { InputError } from '../../errors.js';
import type { SecretTarget } from '../../github/target.js';
import { readSecretTarget, SECRET_INPUTS } from '../../github/secret-target.js';
import { boolean, oneOf, type InputReader } from '../../inputs/read.js';
import { KEY_CHECK_INPUTS, readKeyCheck } from '../../inputs/connection.js';
import { description, keyName } from '../../inputs/rules.js';
import type { Env } from '../command.js';

export const IF_EXISTS = ['create', 'skip', 'fail'] as const;
export type IfExists = (typeof IF_EXISTS)[number];

export const CREATE_INPUTS = ['name', 'description', 'if-exists', 'ephemeral', 'dry-run', ...KEY_CHECK_INPUTS, ...SECRET_INPUTS] as const;

export interface CreateSettings {
  command: 'create';
  name: string;
  /** Undefined when the input is empty: the command then describes the key's origin. */
  description: string | undefined;
  ifExists: IfExists;
  ephemeral: boolean;
  /** Say what would be created (and stored), create nothing, ask GitHub nothing. */
  dryRun: boolean;
  /** The hub to check the new key against before it is handed over ('verify-key: true'). */
  hubUrl: URL | undefined;
  secret: SecretTarget | undefined;
}

export function parseCreate(input: InputReader, env: Env): CreateSettings {
  const { read } = input;
  const name = keyName(read);
  if (name === undefined) {
    throw new InputError('name', "is required for command 'create': the name the new key gets in SuprSend, e.g. backend-prod.");
  }
  const ephemeral = boolean(read, 'ephemeral');
  const secret = readSecretTarget(input, env);
  if (ephemeral && secret !== undefined) {
    throw new InputError(
      'ephemeral',
      "and 'secret-name' are both set: the post step would disable the key the secret now holds, leaving a dead key in it (and the previous, working value gone). " +
        "Store long-lived keys with 'secret-name'; use 'ephemeral' for keys that live only as long as the job."
    );
  }
  const ifExists = oneOf(read, 'if-exists', IF_EXISTS);
  if (ephemeral && ifExists === 'skip') {
    throw new InputError(
      'ephemeral',
      "and 'if-exists: skip' are both set: a reused key is never disabled by the post step and its secret cannot be read again, so 'api-key' would always be empty. " +
        "Use 'if-exists: create' (the default) for a key that lives as long as the job."
    );
  }
  return {
    command: 'create',
    name,
    description: description(read),
    ifExists,
    ephemeral,
    dryRun: boolean(read, 'dry-run'),
    hubUrl: readKeyCheck(input, false),
    secret
  };
}
