/** Every command, by name: the one list to extend when adding a command. */
import type { CommandContext, CommandDefinition, CommandReport } from './command.js';
import { createCommand } from './create/index.js';
import type { CreateSettings } from './create/settings.js';
import { deleteCommand } from './delete/index.js';
import type { DeleteSettings } from './delete/settings.js';
import { listCommand } from './list/index.js';
import type { ListSettings } from './list/settings.js';
import { rotateCommand } from './rotate/index.js';
import type { RotateSettings } from './rotate/settings.js';

interface SettingsByCommand {
  create: CreateSettings;
  list: ListSettings;
  delete: DeleteSettings;
  rotate: RotateSettings;
}

export type CommandName = keyof SettingsByCommand;
export type CommandSettings = SettingsByCommand[CommandName];

export const COMMANDS: { [K in CommandName]: CommandDefinition<SettingsByCommand[K]> } = {
  create: createCommand,
  list: listCommand,
  delete: deleteCommand,
  rotate: rotateCommand
};

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Whether the settings may cover several workspaces. */
export function manyWorkspaces<K extends CommandName>(settings: SettingsByCommand[K] & { command: K }): boolean {
  const definition: CommandDefinition<SettingsByCommand[K]> = COMMANDS[settings.command];
  return definition.manyWorkspaces(settings);
}

export function runCommand<K extends CommandName>(
  settings: SettingsByCommand[K] & { command: K },
  context: CommandContext
): Promise<CommandReport> {
  const definition: CommandDefinition<SettingsByCommand[K]> = COMMANDS[settings.command];
  return definition.run(context, settings);
}
