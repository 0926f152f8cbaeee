/**
 * `delete`: disables keys by id (in one workspace), or by a filter (name, age) keeping the
 * newest N of each name, in one workspace, several or all; a dry run only reports.
 * A workspace whose listing fails has nothing disabled; the others go on.
 */
import type { Log } from '../../report/log.js';
import { paragraph } from '../../report/summary.js';
import { acrossWorkspaces, failed, succeeded, throwIfTheOnlyFailed, workspacesFailure, type Part } from '../across.js';
import type { CommandDefinition } from '../command.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { deleteOutputs, deleteSummary, tellDelete } from './report.js';
import { deleteKeys, type DeleteResult } from './run.js';
import { DELETE_INPUTS, parseDelete, type DeleteSettings } from './settings.js';

export const deleteCommand: CommandDefinition<DeleteSettings, Part<DeleteResult>[]> = {
  inputs: DELETE_INPUTS,
  manyWorkspaces: (settings) => settings.selection.by === 'filter',
  parse: parseDelete,
  run: async (context, settings, step) => {
    const parts = await acrossWorkspaces(context, (client) => deleteKeys(client, settings, context.now));
    throwIfTheOnlyFailed(parts);
    const results = succeeded(parts).map((p) => p.result);
    const workspaces = parts.map((p) => p.workspace);
    publishOutputs(step, workspaces, (sink) => {
      deleteOutputs(results, sink);
    });
    return outcomeOf(workspaces, parts, [workspacesFailure(parts), ...results.map((r) => r.failure)], settings.dryRun);
  },
  render: ({ result: parts }, settings, context) => {
    const results = succeeded(parts).map((p) => p.result);
    const [only] = results;
    if (parts.length === 1 && only !== undefined) {
      return rendered(
        context,
        (log) => {
          tellDelete(only, log);
        },
        () => deleteSummary(only)
      );
    }
    const disabled = results.reduce((n, r) => n + r.disabled.length, 0);
    const planned = results.reduce((n, r) => n + r.planned.length, 0);
    const total = `In all, ${settings.dryRun ? `${planned} would be disabled` : `${disabled} disabled`} in ${results.length} of ${parts.length} workspaces.`;
    const tell = (log: Log): void => {
      for (const result of results) tellDelete(result, log);
      for (const bad of failed(parts))
        log.info(`Workspace '${bad.workspace}' could not be read, so nothing was disabled there: ${bad.error}`);
      log.info(total);
    };
    const summary = (): string =>
      [
        `### ${settings.dryRun ? 'Dry run: ' : ''}${total}`,
        '',
        ...results.map((r) => deleteSummary(r, '####')),
        ...failed(parts).flatMap((bad) => [
          `#### \`${bad.workspace}\`: could not be read, nothing disabled`,
          '',
          paragraph('', bad.error),
          ''
        ])
      ].join('\n');
    return rendered(context, tell, summary);
  }
};
