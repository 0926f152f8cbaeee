/** `create`: a new key (or, with `if-exists`, the newest existing one), handed over as outputs, secret and state. */
import { describeOrigin } from '../../github/origin.js';
import type { CommandDefinition } from '../command.js';
import { checkBeforeMinting } from '../key-handover.js';
import type { PreparedSecret } from '../../github/secrets-api.js';
import { passOnNewKey } from './hand-over.js';
import { createOutputs, createSummary, tellCreate } from './report.js';
import { createKey } from './run.js';
import { CREATE_INPUTS, parseCreate, type CreateSettings } from './settings.js';

export const createCommand: CommandDefinition<CreateSettings> = {
  inputs: CREATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseCreate,
  run: async (context, settings) => {
    const { hubUrl } = settings;
    // GitHub is asked first: a target it refuses means no key is made.
    let prepared: PreparedSecret | undefined;
    const result = await createKey(context.client, settings, describeOrigin(context.env), async () => {
      if (settings.secret !== undefined) prepared = await checkBeforeMinting(settings.secret, context);
    });
    const { secret, key } = result;
    return {
      workspaces: [context.client.workspace],
      ...(secret === undefined || key === undefined
        ? {}
        : {
            newKey: {
              id: key.id,
              ...(hubUrl === undefined
                ? {}
                : {
                    verify: async () => {
                      await context.verifyKey(secret, hubUrl);
                      result.checkedAt = hubUrl.host;
                    }
                  }),
              store: () => passOnNewKey(key, result, secret, prepared, settings, context)
            }
          }),
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
