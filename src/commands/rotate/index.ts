/** `rotate`: a new key, stored where asked, then the older keys of its name disabled beyond `keep`; a dry run only plans. */
import { describeOrigin } from '../../github/origin.js';
import type { PreparedSecret } from '../../github/secrets-api.js';
import type { CommandDefinition, CommandReport } from '../command.js';
import { checkBeforeMinting, storeNewKey } from '../key-handover.js';
import { rotateFinalOutputs, rotateOutputs, rotateSummary, tellRotate } from './report.js';
import { finishRotation, startRotation } from './run.js';
import { parseRotate, ROTATE_INPUTS, type RotateSettings } from './settings.js';

export const rotateCommand: CommandDefinition<RotateSettings> = {
  inputs: ROTATE_INPUTS,
  manyWorkspaces: () => false,
  parse: parseRotate,
  run: async (context, settings) => {
    const { hubUrl } = settings;
    // GitHub is asked first (never in a dry run): a target it refuses means no key is made.
    let prepared: PreparedSecret | undefined;
    const result = await startRotation(context.client, settings, describeOrigin(context.env), context.now, async () => {
      if (settings.secret !== undefined) prepared = await checkBeforeMinting(settings.secret, context);
    });
    const { created } = result;
    const report: CommandReport = {
      workspaces: [context.client.workspace],
      ...(created === undefined
        ? {}
        : {
            newKey: {
              id: created.key.id,
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
              }
            }
          }),
      outputs: (sink) => {
        rotateOutputs(result, sink);
      },
      // Only now, with the new key stored and in the outputs, are the older ones disabled.
      finish: async (sink) => {
        await finishRotation(context.client, result);
        rotateFinalOutputs(result, sink);
        if (result.failure !== undefined) report.failure = result.failure;
      },
      tell: (log) => {
        tellRotate(result, log);
      },
      summary: () => rotateSummary(result)
    };
    return report;
  }
};
