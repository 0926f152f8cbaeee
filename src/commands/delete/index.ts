/** `delete`: disables keys by id, or by name keeping the newest N. */
import type { CommandDefinition } from '../command.js';
import { deleteOutputs, deleteSummary, tellDelete } from './report.js';
import { deleteKeys } from './run.js';
import { DELETE_INPUTS, parseDelete, type DeleteSettings } from './settings.js';

export const deleteCommand: CommandDefinition<DeleteSettings> = {
  inputs: DELETE_INPUTS,
  parse: parseDelete,
  run: async (context, settings) => {
    const result = await deleteKeys(context.client, settings);
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
