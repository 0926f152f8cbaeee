/** `list`: the workspace's keys, filtered, with the stale ones found and flagged. */
import type { CommandDefinition } from '../command.js';
import { listOutputs, listSummary, tellList } from './report.js';
import { listKeys } from './run.js';
import { LIST_INPUTS, parseList, type ListSettings } from './settings.js';

export const listCommand: CommandDefinition<ListSettings> = {
  inputs: LIST_INPUTS,
  parse: parseList,
  run: async (context, settings) => {
    const result = await listKeys(context.client, settings, context.now);
    return {
      outputs: (sink) => {
        listOutputs(result, sink);
      },
      tell: (log) => {
        tellList(result, log);
      },
      summary: () => listSummary(result),
      ...(result.failure === undefined ? {} : { failure: result.failure })
    };
  }
};
