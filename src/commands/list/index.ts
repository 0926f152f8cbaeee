/**
 * `list`, its story in order: the keys of one workspace, several, or all of them, filtered, into
 * the keys file as pages come in, the stale ones found; the outputs published; then, with
 * 'issue: true', the tracking issue written. The outcome renders as one workspace's report or the
 * account's, in the same shape.
 */
import { acrossWorkspaces, succeeded, throwIfTheOnlyFailed, type Part } from '../across.js';
import type { CommandDefinition } from '../command.js';
import { outcomeOf, publishOutputs, rendered } from '../outcome.js';
import { accountFailure, accountSummary, tellAccount } from './account.js';
import { withIssueLine, writeTrackingIssue, type IssueTold } from './issue-report.js';
import { listOutputs, reportBudget, tellList } from './report.js';
import { listKeys } from './run.js';
import { LIST_INPUTS, parseList, type ListSettings } from './settings.js';
import type { ListResult } from './tally.js';

export interface ListOutcome {
  parts: Part<ListResult>[];
  issue?: IssueTold;
}

export const listCommand: CommandDefinition<ListSettings, ListOutcome> = {
  inputs: LIST_INPUTS,
  manyWorkspaces: () => true,
  parse: parseList,
  run: async (context, settings, step) => {
    if (settings.unusedGitHubToken) {
      context.log.warning("Input 'github-token' does nothing with command 'list' without 'issue: true' and is ignored.");
    }
    const file = context.openArrayFile();
    const budget = reportBudget((await context.workspaceSlugs()).length, context.now);
    const parts = await acrossWorkspaces(context, (client) => listKeys(client, settings, context.now, { file, budget }));
    throwIfTheOnlyFailed(parts);
    const workspaces = parts.map((p) => p.workspace);
    publishOutputs(step, workspaces, (sink) => {
      listOutputs(
        succeeded(parts).map((p) => p.result),
        file,
        sink
      );
    });
    const [only] = succeeded(parts);
    const failure = parts.length === 1 && only !== undefined ? only.result.failure : accountFailure(parts, settings);
    const { issue: target, maxAgeDays } = settings;
    if (target === undefined || maxAgeDays === undefined) return outcomeOf(workspaces, { parts }, [failure]);
    const issue = await writeTrackingIssue(parts, { target, maxAgeDays, dryRun: settings.dryRun }, context, step.outputs);
    return outcomeOf(workspaces, { parts, issue }, [failure, issue.failed ? issue.line : undefined]);
  },
  render: ({ result: { parts, issue } }, settings, context) => {
    const [only] = succeeded(parts);
    return rendered(
      context,
      (log) => {
        if (parts.length === 1 && only !== undefined) tellList(only.result, log, context.writesSummary);
        else tellAccount(parts, settings, log, context.writesSummary);
        if (issue !== undefined && !issue.failed) log.info(issue.line);
      },
      () => withIssueLine(accountSummary(parts, settings), issue)
    );
  }
};
