/**
 * A listing's report with its tracking issue: the issue is written once the audit's outputs are
 * (the report's `finish`), its outcome told in the log and the summary, and a failure to write it
 * fails the step with why, the audit's outputs and summary kept.
 */
import type { IssueTarget } from '../../github/target.js';
import { runUrl } from '../../github/origin.js';
import { describeError } from '../../report/explain.js';
import { paragraph } from '../../report/summary.js';
import type { Part } from '../across.js';
import type { CommandContext, CommandReport } from '../command.js';
import { actionRef } from './issue-body.js';
import { issueLine, trackIssue, type IssueOutcome } from './tracking-issue.js';
import type { ListResult } from './tally.js';

export function withTrackingIssue(
  report: CommandReport,
  parts: Part<ListResult>[],
  issue: { target: IssueTarget; maxAgeDays: number; dryRun: boolean },
  context: Pick<CommandContext, 'trackingIssue' | 'env' | 'now' | 'writesSummary'>
): CommandReport {
  // What became of the issue, in a line: told in the log (a failure is the step's error instead) and the summary.
  let told: { line: string; failed: boolean } | undefined;
  const withIssue: CommandReport = {
    ...report,
    finish: async (sink) => {
      await report.finish?.(sink);
      let outcome: IssueOutcome | undefined;
      try {
        const tracker = await context.trackingIssue(issue.target);
        outcome = await trackIssue(parts, tracker, {
          maxAgeDays: issue.maxAgeDays,
          now: context.now,
          runUrl: runUrl(context.env),
          uses: actionRef(context.env),
          dryRun: issue.dryRun
        });
        told = { line: issueLine(outcome, issue.target.title), failed: false };
      } catch (error) {
        const kept = `The audit itself is done: its outputs${context.writesSummary ? ' and job summary' : ''} are written.`;
        const failure = `The tracking issue was not written: ${describeError(error)} ${kept}`;
        told = { line: failure, failed: true };
        withIssue.failure = withIssue.failure === undefined ? failure : `${withIssue.failure}\n${failure}`;
      }
      const shown = outcome !== undefined && 'issue' in outcome && outcome.issue !== undefined ? outcome.issue : undefined;
      sink.setOutput('issue-number', shown === undefined ? '' : String(shown.number));
      sink.setOutput('issue-url', shown?.url ?? '');
    },
    tell: (log) => {
      report.tell(log);
      if (told !== undefined && !told.failed) log.info(told.line);
    },
    // Under the summary's first line: a long summary is cut at its end, and the issue is what the on-call engineer follows.
    summary: () => {
      const summary = report.summary();
      const at = summary.indexOf('\n') + 1;
      return `${summary.slice(0, at)}\n${paragraph('<b>Tracking issue:</b> ', told?.line ?? '')}\n${summary.slice(at)}`;
    }
  };
  return withIssue;
}
