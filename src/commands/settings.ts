/**
 * Every input, read and validated in one place into one typed object; nothing else
 * reads inputs. Pure: input values come through `read`, the environment through `env`,
 * so it tests without a runner. Credentials go to `onSecret` the moment they are read.
 */
import { readGitHubToken } from '../github/secret-target.js';
import { InputError } from '../errors.js';
import type { InputName } from '../names.js';
import { readConnection, readServiceToken, readWorkspaces, type WorkspaceSelection } from '../inputs/connection.js';
import { boolean, inputReader, oneOf, type InputReader, type ReadInput } from '../inputs/read.js';
import type { Connection } from '../suprsend/types.js';
import type { Env } from './command.js';
import {
  COMMAND_NAMES,
  commandsOf,
  definitionFor,
  KEY_TYPES,
  manyWorkspaces,
  type CommandName,
  type CommandSettings,
  type KeyType
} from './registry.js';

export interface Settings {
  connection: Connection;
  workspaces: WorkspaceSelection;
  command: CommandSettings;
  summary: boolean;
  /** Inputs that were set but mean nothing to this command: worth a warning. */
  ignoredInputs: InputName[];
}

export function parseSettings(raw: ReadInput, env: Env, onSecret: (secret: string) => void): Settings {
  const token = readServiceToken(raw, env, onSecret);
  readGitHubToken(raw, onSecret);
  const input = inputReader(raw);
  const name = oneOf(input.read, 'command', COMMAND_NAMES);
  const keyType = oneOf(input.read, 'key-type', KEY_TYPES);
  if (keyType === 'all' && name !== 'list') {
    throw new InputError(
      'key-type',
      `'all' works with command 'list' only (one audit of every kind of credential): for '${name}', set 'api-key', 'signing-key' or 'public-key'.`
    );
  }
  const workspaces = readWorkspaces(input.read);
  const connection = readConnection(input, token);
  refuseUnreadGuards(name, keyType, input);
  refuseWrongStore(keyType, input);
  const command = definitionFor(keyType, name).parse(input, env);
  if (!manyWorkspaces(command) && (workspaces.kind === 'all' || workspaces.slugs.length !== 1)) {
    throw new InputError(
      'workspace',
      `takes exactly one slug for command '${name}'${name === 'delete' ? " with 'key-id'" : ''}; several, or '*', work with 'list' and with 'delete' by 'name' or 'older-than-days'.`
    );
  }
  return {
    connection,
    workspaces,
    command,
    summary: boolean(input.read, 'summary'),
    ignoredInputs: ignoredInputs(name, keyType, input)
  };
}

/**
 * The inputs that narrow or guard what a command touches: a filter, a limit, a switch. Set for a
 * command that does not read it, one is an input error, never ignored: the user meant it to
 * change what happens. Any other input a command does not read gets a warning (`ignoredInputs`).
 */
export const GUARD_INPUTS = [
  'name',
  'key-id',
  'max-age-days',
  'older-than-days',
  'keep',
  'dry-run',
  'include-deleted',
  'fail-on-stale',
  'if-exists',
  'ephemeral',
  'grace-period',
  'verify-key',
  'issue'
] as const;

/** Why a guard means nothing to a command, where a plain "does not apply" would not say enough. */
const WHY_NOT: Partial<Record<CommandName, Partial<Record<(typeof GUARD_INPUTS)[number], string>>>> = {
  delete: { 'max-age-days': "; to disable keys by age, use 'older-than-days'" },
  rotate: {
    'max-age-days': "; a rotation disables the older keys of 'name' beyond 'keep', whatever their age",
    'older-than-days': "; a rotation disables the older keys of 'name' beyond 'keep', whatever their age",
    'if-exists': ': a rotation always creates a new key',
    ephemeral: ': a rotated key is meant to outlive the job',
    'key-id': ": a rotation replaces the keys of 'name'"
  },
  list: { 'older-than-days': "; to flag old keys in a listing, use 'max-age-days'" }
};

/** What a key type covers, in words. */
const KIND_WORDS: Record<KeyType, string> = {
  'api-key': 'API keys',
  'signing-key': 'signing keys',
  'public-key': 'public keys',
  all: 'the audit of every kind'
};

function refuseUnreadGuards(name: CommandName, keyType: KeyType, input: InputReader): void {
  const commands = commandsOf(keyType);
  const reads = new Set<string>(definitionFor(keyType, name).inputs);
  for (const guard of GUARD_INPUTS) {
    if (!input.isSet(guard) || reads.has(guard)) continue;
    const readers = COMMAND_NAMES.filter((c) => commands[c]?.inputs.includes(guard) === true).map((c) => `'${c}'`);
    if (readers.length === 0) {
      throw new InputError(
        guard,
        `does not apply to ${KIND_WORDS[keyType]} ('key-type: ${keyType}'): remove it here, or use 'key-type: api-key'.`
      );
    }
    throw new InputError(
      guard,
      `does not apply to command '${name}'${WHY_NOT[name]?.[guard] ?? ''}. It is read by ${readers.length === 1 ? 'command' : 'commands'} ${readers.join(' and ')}: remove it here, or use ${readers.length === 1 ? 'that command' : 'one of those'}.`
    );
  }
}

/** A store that does not suit the key type: a secret's format without a signing key, a variable for a secret, a secret for a public key. */
function refuseWrongStore(keyType: KeyType, input: InputReader): void {
  if (keyType !== 'signing-key' && input.isSet('secret-format')) {
    throw new InputError('secret-format', "only applies with 'key-type: signing-key': an API key is stored as it is.");
  }
  if (keyType !== 'public-key' && input.read('variable-name') !== '') {
    throw new InputError(
      'variable-name',
      "only applies with 'key-type: public-key' (a public key is not a secret). An API key or a signing key's private key is a secret, never a variable: store it with 'secret-name'."
    );
  }
  if (keyType === 'public-key' && input.read('secret-name') !== '') {
    throw new InputError(
      'secret-name',
      "does not apply to public keys ('key-type: public-key'): a public key is not a secret. Store it as a GitHub Actions variable with 'variable-name'."
    );
  }
}

/** Inputs some command reads, set by the user for a command that does not, and that cannot change what it touches. */
function ignoredInputs(name: CommandName, keyType: KeyType, input: InputReader): InputName[] {
  const used = new Set<InputName>(definitionFor(keyType, name).inputs);
  const commandInputs = new Set<InputName>(KEY_TYPES.flatMap((type) => COMMAND_NAMES.flatMap((c) => commandsOf(type)[c]?.inputs ?? [])));
  return [...commandInputs].filter((i) => input.isSet(i) && !used.has(i));
}
