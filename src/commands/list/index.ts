/** `list`: the keys of one workspace, several, or all of them, filtered, with the stale ones found and flagged. */
import { ActionError } from '../../errors.js';
import { acrossWorkspaces, succeeded } from '../across.js';
import type { CommandDefinition } from '../command.js';
import { accountFailure, accountSummary, tellAccount } from './account.js';
import { listOutputs, listSummary, tellList } from './report.js';
import { listKeys } from './run.js';
import { LIST_INPUTS, parseList, type ListSettings } from './settings.js';

export const listCommand: CommandDefinition<ListSettings> = {
  inputs: LIST_INPUTS,
  manyWorkspaces: () => true,
  parse: parseList,
  run: async (context, settings) => {
    const parts = await acrossWorkspaces(context, (client) => listKeys(client, settings, context.now));
    const results = succeeded(parts).map((p) => p.result);
    const workspaces = parts.map((p) => p.workspace);
    const [only] = parts;
    if (parts.length === 1 && only !== undefined) {
      if ('error' in only) throw new ActionError(only.error);
      const result = only.result;
      return {
        workspaces,
        outputs: (sink) => {
          listOutputs([result], sink);
        },
        tell: (log) => {
          tellList(result, log);
        },
        summary: () => listSummary(result),
        ...(result.failure === undefined ? {} : { failure: result.failure })
      };
    }
    const failure = accountFailure(parts, settings);
    return {
      workspaces,
      outputs: (sink) => {
        listOutputs(results, sink);
      },
      tell: (log) => {
        tellAccount(parts, settings, log);
      },
      summary: () => accountSummary(parts, settings),
      ...(failure === undefined ? {} : { failure })
    };
  }
};
