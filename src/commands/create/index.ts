/** `create`: a new key (or, with `if-exists`, the newest existing one), handed over as outputs, secret and state. */
import { describeOrigin } from '../../github/origin.js';
import type { PreparedSecret } from '../../github/secrets-api.js';
import type { CommandDefinition } from '../command.js';
import { checkBeforeMinting, handOverNewKey, rollBackNewKey } from '../key-handover.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { passOnNewKey } from './hand-over.js';
import { createOutputs, createSummary, tellCreate } from './report.js';
import { createKey, type CreateResult } from './run.js';
import { CREATE_INPUTS, parseCreate, type CreateSettings } from './settings.js';

export const createCommand: CommandDefinition<CreateSettings, CreateResult> = {
  inputs: CREATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseCreate,
  run: async (context, settings, step) => {
    const { client } = context;
    const workspaces = [client.workspace];
    // GitHub is asked first: a target it refuses means no key is made.
    let prepared: PreparedSecret | undefined;
    const result = await createKey(client, settings, describeOrigin(context.env), async () => {
      if (settings.secret !== undefined) prepared = await checkBeforeMinting(settings.secret, context);
    });
    const publish = (): void => {
      publishOutputs(step, workspaces, (sink) => {
        createOutputs(result, sink);
      });
    };
    const { secret, key } = result;
    if (secret === undefined || key === undefined) publish();
    else {
      const { hubUrl } = settings;
      await handOverNewKey({
        keyId: key.id,
        rollBack: (error) => rollBackNewKey(client, key.id, error),
        undoByHand: `disable key ${key.id} (command 'delete' with key-id ${key.id})`,
        ...(hubUrl === undefined
          ? {}
          : {
              verify: async () => {
                await context.verifyKey(secret, hubUrl);
                result.checkedAt = hubUrl.host;
              }
            }),
        store: () => passOnNewKey(key, result, secret, prepared, settings, context),
        publish
      });
    }
    return outcomeOf(workspaces, result, [], settings.dryRun);
  },
  render: (outcome, settings, context) =>
    rendered(
      context,
      (log) => {
        tellCreate(outcome.result, settings, log);
      },
      () => createSummary(outcome.result, settings)
    )
};
