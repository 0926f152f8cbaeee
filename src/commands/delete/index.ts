/**
 * `delete`: disables keys by id (in one workspace), or by a filter (name, age) keeping the
 * newest N of each name, in one workspace, several or all; a dry run only reports.
 * A workspace whose listing fails has nothing disabled; the others go on.
 */
import { paragraph } from '../../report/summary.js';
import { acrossWorkspaces, failed, reportAcross, succeeded, workspacesFailure } from '../across.js';
import type { CommandDefinition } from '../command.js';
import { deleteOutputs, deleteSummary, tellDelete } from './report.js';
import { deleteKeys } from './run.js';
import { DELETE_INPUTS, parseDelete, type DeleteSettings } from './settings.js';

export const deleteCommand: CommandDefinition<DeleteSettings> = {
  inputs: DELETE_INPUTS,
  manyWorkspaces: (settings) => settings.selection.by === 'filter',
  parse: parseDelete,
  run: async (context, settings) => {
    const parts = await acrossWorkspaces(context, (client) => deleteKeys(client, settings, context.now));
    return reportAcross(
      parts,
      (result) => ({
        outputs: (sink) => {
          deleteOutputs([result], sink);
        },
        tell: (log) => {
          tellDelete(result, log);
        },
        summary: () => deleteSummary(result),
        ...(result.failure === undefined ? {} : { failure: result.failure })
      }),
      (all) => {
        const results = succeeded(all).map((p) => p.result);
        const failures = [workspacesFailure(all), ...results.flatMap((r) => (r.failure === undefined ? [] : [r.failure]))];
        const failure = failures.filter((f): f is string => f !== undefined).join('\n') || undefined;
        const disabled = results.reduce((n, r) => n + r.disabled.length, 0);
        const planned = results.reduce((n, r) => n + r.planned.length, 0);
        const total = `In all, ${settings.dryRun ? `${planned} would be disabled` : `${disabled} disabled`} in ${results.length} of ${all.length} workspaces.`;
        return {
          outputs: (sink) => {
            deleteOutputs(results, sink);
          },
          tell: (log) => {
            for (const result of results) tellDelete(result, log);
            for (const bad of failed(all))
              log.info(`Workspace '${bad.workspace}' could not be read, so nothing was disabled there: ${bad.error}`);
            log.info(total);
          },
          summary: () =>
            [
              `### ${settings.dryRun ? 'Dry run: ' : ''}${total}`,
              '',
              ...results.map((r) => deleteSummary(r, '####')),
              ...failed(all).flatMap((bad) => [
                `#### \`${bad.workspace}\`: could not be read, nothing disabled`,
                '',
                paragraph('', bad.error),
                ''
              ])
            ].join('\n'),
          ...(failure === undefined ? {} : { failure })
        };
      }
    );
  }
};
