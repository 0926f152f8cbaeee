/** Every command, by name: the one list to extend when adding a command. */
import { ActionError } from '../errors.js';
import { describeError } from '../report/explain.js';
import type { CommandContext, CommandDefinition, CommandReport } from './command.js';
import { workspaceHint } from './workspace-hint.js';
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
