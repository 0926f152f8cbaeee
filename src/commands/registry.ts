/** Every command, by name and key type: the one list to extend when adding a command or a kind of key. */
import { ActionError } from '../errors.js';
import { describeError } from '../report/explain.js';
import type { CommandContext, CommandDefinition, CommandOutcome, RenderContext, Rendering, StepPort } from './command.js';
import { workspaceHint } from './workspace-hint.js';
import { createCommand } from './create/index.js';
import { deleteCommand } from './delete/index.js';
import { listCommand } from './list/index.js';
import { rotateCommand } from './rotate/index.js';
import { signingDeleteCommand } from './signing/delete.js';
import { signingListCommand } from './signing/list.js';
import { signingCreateCommand, signingRotateCommand } from './signing/mint.js';
import { publicDeleteCommand, publicListCommand } from './public/list-delete.js';
import { publicCreateCommand, publicRotateCommand } from './public/mint.js';
import { allListCommand } from './all/list.js';

/** The API-key commands (key-type: api-key, the default); their settings and outcome types are read off the definitions. */
const API_KEY = {
  create: createCommand,
  list: listCommand,
  delete: deleteCommand,
  rotate: rotateCommand
};

/** The same commands for the workspace's signing key (key-type: signing-key). */
const SIGNING_KEY = {
  create: signingCreateCommand,
  list: signingListCommand,
  delete: signingDeleteCommand,
  rotate: signingRotateCommand
};

/** The same commands for the workspace's public keys (key-type: public-key). */
const PUBLIC_KEY = {
  create: publicCreateCommand,
  list: publicListCommand,
  delete: publicDeleteCommand,
  rotate: publicRotateCommand
};

/** One audit of every kind (key-type: all): only a listing. */
const ALL = {
  list: allListCommand
};

export const KEY_TYPES = ['api-key', 'signing-key', 'public-key', 'all'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

type SettingsOf<D> = D extends CommandDefinition<infer S, infer _R> ? S : never;

export type CommandName = keyof typeof API_KEY;
export type CommandSettings =
  | {
      [K in CommandName]: SettingsOf<(typeof API_KEY)[K]> | SettingsOf<(typeof SIGNING_KEY)[K]> | SettingsOf<(typeof PUBLIC_KEY)[K]>;
    }[CommandName]
  | SettingsOf<typeof ALL.list>;

export const COMMAND_NAMES = Object.keys(API_KEY) as CommandName[];

/** Any command's definition, as the frame drives it (its own types are checked where it is written). */
type AnyDefinition = CommandDefinition<CommandSettings, unknown>;

/** The commands of a key type, by name ('all' has only 'list'). */
export function commandsOf(keyType: KeyType): Partial<Record<CommandName, AnyDefinition>> {
  const commands = { 'api-key': API_KEY, 'signing-key': SIGNING_KEY, 'public-key': PUBLIC_KEY, all: ALL }[keyType];
  return commands as unknown as Partial<Record<CommandName, AnyDefinition>>;
}

/** The command of this name and key type; the settings refuse a pair that has none before this is asked. */
export function definitionFor(keyType: KeyType, name: CommandName): AnyDefinition {
  const definition = commandsOf(keyType)[name];
  if (definition === undefined) throw new Error(`no command '${name}' for 'key-type: ${keyType}'`);
  return definition;
}

function definitionOf(settings: CommandSettings): AnyDefinition {
  return definitionFor('keyType' in settings ? settings.keyType : 'api-key', settings.command);
}

/** Whether the settings may cover several workspaces. */
export function manyWorkspaces(settings: CommandSettings): boolean {
  return definitionOf(settings).manyWorkspaces(settings);
}

/** A command that ran: what it did, and how to render that. */
export interface Ran {
  outcome: CommandOutcome<unknown>;
  render: (context: RenderContext) => Rendering;
}

/** Runs the command's whole story (publishing to `step`); an unknown workspace's error names the likely one. */
export async function runCommand(settings: CommandSettings, context: CommandContext, step: StepPort): Promise<Ran> {
  const definition = definitionOf(settings);
  try {
    const outcome = await definition.run(context, settings, step);
    return { outcome, render: (renderContext) => definition.render(outcome, settings, renderContext) };
  } catch (error) {
    const hint = await workspaceHint(error, context);
    throw hint === '' ? error : new ActionError(describeError(error) + hint);
  }
}
