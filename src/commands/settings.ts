/**
 * Every input, read and validated in one place into one typed object; nothing else
 * reads inputs. Pure: input values come through `read`, the environment through `env`,
 * so it tests without a runner. Credentials go to `onSecret` the moment they are read.
 */
import { readGitHubToken } from '../github/secret-target.js';
import { InputError } from '../errors.js';
import { readConnection, readServiceToken, readWorkspaces, type WorkspaceSelection } from '../inputs/connection.js';
import { boolean, inputReader, oneOf, type InputReader, type ReadInput } from '../inputs/read.js';
import type { Connection } from '../suprsend/types.js';
import type { Env } from './command.js';
import { COMMAND_NAMES, COMMANDS, manyWorkspaces, type CommandName, type CommandSettings } from './registry.js';

export interface Settings {
  connection: Connection;
  workspaces: WorkspaceSelection;
  command: CommandSettings;
  summary: boolean;
  /** Inputs that were set but mean nothing to this command: worth a warning. */
  ignoredInputs: string[];
}

export function parseSettings(raw: ReadInput, env: Env, onSecret: (secret: string) => void): Settings {
  const token = readServiceToken(raw, env, onSecret);
  readGitHubToken(raw, onSecret);
  const input = inputReader(raw);
  const name = oneOf(input.read, 'command', COMMAND_NAMES);
  const workspaces = readWorkspaces(input.read);
  const connection = readConnection(input, token);
  const command = COMMANDS[name].parse(input, env);
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
    ignoredInputs: ignoredInputs(name, input)
  };
}

/** Inputs some command reads, set by the user for a command that does not. */
function ignoredInputs(name: CommandName, input: InputReader): string[] {
  const used = new Set<string>(COMMANDS[name].inputs);
  const commandInputs = new Set<string>(Object.values(COMMANDS).flatMap((c) => c.inputs));
  return [...commandInputs].filter((i) => input.isSet(i) && !used.has(i));
}
