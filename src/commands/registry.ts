/** Every command, by name: the one list to extend when adding a command. */
import { ActionError } from '../errors.js';
import { describeError } from '../report/explain.js';
import type { CommandContext, CommandDefinition, CommandReport } from './command.js';
import { workspaceHint } from './workspace-hint.js';
import { createCommand } from './create/index.js';
import { deleteCommand } from './delete/index.js';
import { listCommand } from './list/index.js';
import { rotateCommand } from './rotate/index.js';

/** The one list: adding a command is a folder and a line here (its settings type is read off its definition). */
const DEFINITIONS = {
  create: createCommand,
  list: listCommand,
  delete: deleteCommand,
  rotate: rotateCommand
};

type SettingsOf<D> = D extends CommandDefinition<infer S> ? S : never;
type SettingsByCommand = { [K in keyof typeof DEFINITIONS]: SettingsOf<(typeof DEFINITIONS)[K]> };

export type CommandName = keyof SettingsByCommand;
export type CommandSettings = SettingsByCommand[CommandName];

export const COMMANDS: { [K in CommandName]: CommandDefinition<SettingsByCommand[K]> } = DEFINITIONS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Whether the settings may cover several workspaces. */
export function manyWorkspaces<K extends CommandName>(settings: SettingsByCommand[K] & { command: K }): boolean {
  const definition: CommandDefinition<SettingsByCommand[K]> = COMMANDS[settings.command];
  return definition.manyWorkspaces(settings);
}

export async function runCommand<K extends CommandName>(
  settings: SettingsByCommand[K] & { command: K },
  context: CommandContext
): Promise<CommandReport> {
  const definition: CommandDefinition<SettingsByCommand[K]> = COMMANDS[settings.command];
  try {
    return await definition.run(context, settings);
  } catch (error) {
    const hint = await workspaceHint(error, context);
    throw hint === '' ? error : new ActionError(describeError(error) + hint);
  }
}
