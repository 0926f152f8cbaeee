/** Every command, by name: the one list to extend when adding a command. */
import { ActionError } from '../errors.js';
import { describeError } from '../report/explain.js';
import type { CommandContext, CommandDefinition, CommandOutcome, RenderContext, Rendering, StepPort } from './command.js';
import { workspaceHint } from './workspace-hint.js';
import { createCommand } from './create/index.js';
import { deleteCommand } from './delete/index.js';
import { listCommand } from './list/index.js';
import { rotateCommand } from './rotate/index.js';

/** The one list: adding a command is a folder and a line here (its settings and outcome types are read off its definition). */
const DEFINITIONS = {
  create: createCommand,
  list: listCommand,
  delete: deleteCommand,
  rotate: rotateCommand
};

type Definitions = typeof DEFINITIONS;
type SettingsOf<D> = D extends CommandDefinition<infer S, infer _R> ? S : never;
type ResultOf<D> = D extends CommandDefinition<infer _S, infer R> ? R : never;
type SettingsByCommand = { [K in keyof Definitions]: SettingsOf<Definitions[K]> };
type ResultByCommand = { [K in keyof Definitions]: ResultOf<Definitions[K]> };

export type CommandName = keyof SettingsByCommand;
export type CommandSettings = SettingsByCommand[CommandName];

export const COMMANDS: { [K in CommandName]: CommandDefinition<SettingsByCommand[K], ResultByCommand[K]> } = DEFINITIONS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Whether the settings may cover several workspaces. */
export function manyWorkspaces<K extends CommandName>(settings: SettingsByCommand[K] & { command: K }): boolean {
  const definition: CommandDefinition<SettingsByCommand[K], ResultByCommand[K]> = COMMANDS[settings.command];
  return definition.manyWorkspaces(settings);
}

/** A command that ran: what it did, and how to render that. */
export interface Ran {
  outcome: CommandOutcome<unknown>;
  render: (context: RenderContext) => Rendering;
}

/** Runs the command's whole story (publishing to `step`); an unknown workspace's error names the likely one. */
export async function runCommand<K extends CommandName>(
  settings: SettingsByCommand[K] & { command: K },
  context: CommandContext,
  step: StepPort
): Promise<Ran> {
  const definition: CommandDefinition<SettingsByCommand[K], ResultByCommand[K]> = COMMANDS[settings.command];
  try {
    const outcome = await definition.run(context, settings, step);
    return { outcome, render: (renderContext) => definition.render(outcome, settings, renderContext) };
  } catch (error) {
    const hint = await workspaceHint(error, context);
    throw hint === '' ? error : new ActionError(describeError(error) + hint);
  }
}
