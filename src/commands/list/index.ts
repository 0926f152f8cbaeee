/** `list`: the keys of one workspace, several, or all of them, filtered, with the stale ones found and flagged. */
import { acrossWorkspaces, reportAcross, succeeded } from '../across.js';
import type { CommandDefinition } from '../command.js';
import { accountFailure, accountSummary, tellAccount } from './account.js';
import { reportBudget, listOutputs, tellList } from './report.js';
import { withTrackingIssue } from './issue-report.js';
import { listKeys } from './run.js';
import { LIST_INPUTS, parseList, type ListSettings } from './settings.js';

export const listCommand: CommandDefinition<ListSettings> = {
  inputs: LIST_INPUTS,
  manyWorkspaces: () => true,
  parse: parseList,
  run: async (context, settings) => {
    const file = context.openArrayFile();
    const budget = reportBudget((await context.workspaceSlugs()).length, context.now);
    const parts = await acrossWorkspaces(context, (client) => listKeys(client, settings, context.now, { file, budget }));
    if (settings.unusedGitHubToken) {
      context.log.warning("Input 'github-token' does nothing with command 'list' without 'issue: true' and is ignored.");
    }
    const report = reportAcross(
      parts,
      (result) => ({
        outputs: (sink) => {
          listOutputs([result], file, sink);
        },
        tell: (log) => {
          tellList(result, log, context.writesSummary);
        },
        summary: () => accountSummary([{ workspace: result.workspace, result }], settings),
        ...(result.failure === undefined ? {} : { failure: result.failure })
      }),
      (all) => {
        const failure = accountFailure(all, settings);
        return {
          outputs: (sink) => {
            listOutputs(
              succeeded(all).map((p) => p.result),
              file,
              sink
            );
          },
          tell: (log) => {
            tellAccount(all, settings, log, context.writesSummary);
          },
          summary: () => accountSummary(all, settings),
          ...(failure === undefined ? {} : { failure })
        };
      }
    );
    const { issue, maxAgeDays } = settings;
    return issue === undefined || maxAgeDays === undefined
      ? report
      : withTrackingIssue(report, parts, { target: issue, maxAgeDays, dryRun: settings.dryRun }, context);
  }
};
