/**
 * The tracking issue's place in a listing's story: written once the audit's outputs are, its
 * outcome told in a line (the log and the summary), and a failure to write it worded as the step's
 * failure, the audit's outputs and summary kept.
 */
import { runUrl } from '../../github/origin.js';
import type { IssueTracker } from '../../github/issues-api.js';
import type { IssueTarget } from '../../github/target.js';
import { describeError } from '../../report/explain.js';
import type { OutputSink } from '../../report/outputs.js';
import { paragraph } from '../../report/summary.js';
import type { Part } from '../across.js';
import type { CommandContext } from '../command.js';
import { actionRef } from './issue-body.js';
import type { ListResult } from './tally.js';
import { issueLine, trackIssue } from './tracking-issue.js';

/** What became of the tracking issue, in a line; `failed`: the line is the step's failure. */
export interface IssueTold {
  line: string;
  failed: boolean;
}

export async function writeTrackingIssue(
  parts: Part<ListResult>[],
  issue: { target: IssueTarget; maxAgeDays: number; dryRun: boolean },
  context: Pick<CommandContext, 'trackingIssue' | 'env' | 'now' | 'writesSummary' | 'log'>,
  sink: OutputSink
): Promise<IssueTold> {
  let told: IssueTold;
  let shown: { number: number; url: string } | undefined;
  try {
    // What goes to GitHub is redacted like every output: a server may put a masked secret anywhere.
    const raw = await context.trackingIssue(issue.target);
    const { redact } = context.log;
    const tracker: IssueTracker = {
      ...raw,
      open: (body) => raw.open(redact(body)),
      update: (found, body) => raw.update(found, redact(body)),
      close: (found, comment, reason) => raw.close(found, redact(comment), reason)
    };
    const outcome = await trackIssue(parts, tracker, {
      maxAgeDays: issue.maxAgeDays,
      now: context.now,
      runUrl: runUrl(context.env),
      uses: actionRef(context.env),
      dryRun: issue.dryRun
    });
    shown = 'issue' in outcome ? outcome.issue : undefined;
    told = { line: issueLine(outcome, issue.target.title), failed: false };
  } catch (error) {
    const kept = `The audit itself is done: its outputs${context.writesSummary ? ' and job summary' : ''} are written.`;
    told = { line: `The tracking issue was not written: ${describeError(error)} ${kept}`, failed: true };
  }
  sink.setOutput('issue-number', shown === undefined ? '' : String(shown.number));
  sink.setOutput('issue-url', shown?.url ?? '');
  return told;
}

/**
 * The summary with the issue's line under its first line: a long summary is cut at its end, and the
 * issue is what the on-call engineer follows.
 */
export function withIssueLine(summary: string, told: IssueTold | undefined): string {
  if (told === undefined) return summary;
  const at = summary.indexOf('\n') + 1;
  return `${summary.slice(0, at)}\n${paragraph('<b>Tracking issue:</b> ', told.line)}\n${summary.slice(at)}`;
}
