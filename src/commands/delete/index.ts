/** `delete`: disables keys by id, or by a filter (name, age) keeping the newest N of each name; a dry run only reports. */
import type { CommandDefinition } from '../command.js';
import { deleteOutputs, deleteSummary, tellDelete } from './report.js';
import { deleteKeys } from './run.js';
import { DELETE_INPUTS, parseDelete, type DeleteSettings } from './settings.js';

export const deleteCommand: CommandDefinition<DeleteSettings> = {
  inputs: DELETE_INPUTS,
  parse: parseDelete,
  run: async (context, settings) => {
    const result = await deleteKeys(context.client, settings, context.now);
    return {
      outputs: (sink) => {
        deleteOutputs(result, sink);
      },
      tell: (log) => {
        tellDelete(result, log);
      },
      summary: () => deleteSummary(result),
      ...(result.failure === undefined ? {} : { failure: result.failure })
    };
  }
};
