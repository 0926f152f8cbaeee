/** `create`: a new key (or, with `if-exists`, the newest existing one), handed over as outputs, secret and state. */
import { describeOrigin } from '../../github/origin.js';
import type { CommandDefinition } from '../command.js';
import { handOverNewKey } from './hand-over.js';
import { createOutputs, createSummary, tellCreate } from './report.js';
import { createKey } from './run.js';
import { CREATE_INPUTS, parseCreate, type CreateSettings } from './settings.js';

export const createCommand: CommandDefinition<CreateSettings> = {
  inputs: CREATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseCreate,
  run: async (context, settings) => {
    const result = await createKey(context.client, settings, describeOrigin(context.env));
    const { secret } = result;
    return {
      workspaces: [context.client.workspace],
      ...(secret === undefined ? {} : { createdKeyId: result.key.id, handOver: () => handOverNewKey(result, secret, settings, context) }),
      outputs: (sink) => {
        createOutputs(result, sink);
      },
      tell: (log) => {
        tellCreate(result, settings, log);
      },
      summary: () => createSummary(result, settings)
    };
  }
};
