/**
 * `rotate`, its whole story in order: plan (list the name's keys) → ask GitHub everything it can
 * refuse → create → hand over (check at the hub, store the secret, write the outputs: rolled back
 * on a failure up to the commit point) → check the new key is still active, then disable the
 * older keys beyond `keep` → publish what only that can tell (`deleted-key-ids`). A dry run plans.
 */
import { describeOrigin } from '../../github/origin.js';
import type { PreparedSecret } from '../../github/secrets-api.js';
import type { CommandDefinition } from '../command.js';
import { checkBeforeMinting, handOverNewKey, rollBackNewKey, storeNewKey } from '../key-handover.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { rotateFinalOutputs, rotateOutputs, rotateSummary, tellRotate } from './report.js';
import { finishRotation, startRotation, type RotateResult } from './run.js';
import { parseRotate, ROTATE_INPUTS, type RotateSettings } from './settings.js';

export const rotateCommand: CommandDefinition<RotateSettings, RotateResult> = {
  inputs: ROTATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseRotate,
  run: async (context, settings, step) => {
    const { client } = context;
    const workspaces = [client.workspace];
    // GitHub is asked first (never in a dry run): a target it refuses means no key is made.
    let prepared: PreparedSecret | undefined;
    const result = await startRotation(client, settings, describeOrigin(context.env), context.now, async () => {
      if (settings.secret !== undefined) prepared = await checkBeforeMinting(settings.secret, context);
    });
    const publish = (): void => {
      publishOutputs(step, workspaces, (sink) => {
        rotateOutputs(result, sink);
      });
    };
    const { created } = result;
    if (created === undefined) publish();
    else {
      const { hubUrl } = settings;
      await handOverNewKey({
        keyId: created.key.id,
        rollBack: (error) => rollBackNewKey(client, created.key.id, error),
        undoByHand: `disable key ${created.key.id} (command 'delete' with key-id ${created.key.id})`,
        ...(hubUrl === undefined
          ? {}
          : {
              verify: async () => {
                await context.verifyKey(created.secret, hubUrl);
                result.checkedAt = hubUrl.host;
              }
            }),
        store: async () => {
          if (prepared !== undefined) result.stored = await storeNewKey(prepared, created.secret);
          return result.stored?.where;
        },
        publish
      });
    }
    // Only now, with the new key stored and in the outputs, are the older ones disabled.
    await finishRotation(client, result);
    rotateFinalOutputs(result, step.outputs);
    return outcomeOf(workspaces, result, [result.failure], settings.dryRun);
  },
  render: (outcome, _settings, context) =>
    rendered(
      context,
      (log) => {
        tellRotate(outcome.result, log);
      },
      () => rotateSummary(outcome.result)
    )
};
