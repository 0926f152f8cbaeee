/**
 * The audit's tracking issue, once the audit's own outputs are written: opened when keys are stale,
 * updated in place while they stay so, commented on and closed when none is left; never closed
 * while a covered workspace could not be listed. One issue per 'issue-title': a duplicate left by
 * two audits racing is closed in favour of the oldest. A dry run reads the open issues and says
 * what it would do; it writes nothing. `trackIssue` returns what happened as a plain outcome.
 */
import type { IssueTracker, TrackedIssue } from '../../github/issues-api.js';
import { failed, succeeded, type Part } from '../across.js';
import { closingComment, duplicateComment, issueBody, type IssueContext } from './issue-body.js';
import type { ListResult } from './tally.js';

export type IssueOutcome =
  /** Stale keys: an issue opened (or, in a dry run, one would be). */
  | { did: 'open'; dryRun: boolean; stale: number; issue: TrackedIssue | undefined; duplicates: number[] }
  /** Stale keys, and the issue was open already: updated in place. */
  | { did: 'update'; dryRun: boolean; stale: number; issue: TrackedIssue; duplicates: number[] }
  /** Nothing stale any more: commented on and closed. */
  | { did: 'close'; dryRun: boolean; issue: TrackedIssue; duplicates: number[] }
  /** Nothing stale among the workspaces read, but some could not be: the open issue stays as it is. */
  | { did: 'keep'; issue: TrackedIssue; unread: string[] }
  /** Nothing stale and no issue open: nothing to do. */
  | { did: 'nothing' };

export async function trackIssue(
  parts: Part<ListResult>[],
  tracker: IssueTracker,
  context: IssueContext & { dryRun: boolean }
): Promise<IssueOutcome> {
  const { dryRun } = context;
  const found = await tracker.findOpen();
  const [current, ...extra] = found;
  const stale = succeeded(parts).reduce((n, { result }) => n + result.stale.length, 0);
  const closeExtra = async (kept: TrackedIssue, issues: TrackedIssue[]): Promise<number[]> => {
    if (!dryRun) for (const issue of issues) await tracker.close(issue, duplicateComment(kept.number), 'not_planned');
    return issues.map((i) => i.number);
  };

  if (stale > 0) {
    const body = issueBody(parts, context);
    if (current !== undefined) {
      if (!dryRun) await tracker.update(current, body);
      return { did: 'update', dryRun, stale, issue: current, duplicates: await closeExtra(current, extra) };
    }
    if (dryRun) return { did: 'open', dryRun, stale, issue: undefined, duplicates: [] };
    const opened = await tracker.open(body);
    // Another audit may have opened one at the same time: the oldest stays, and each audit closes only
    // the one it opened (two closing the same would comment twice); one that failed to is closed by the next audit.
    const [oldest] = await tracker.findOpen();
    if (oldest !== undefined && oldest.number !== opened.number) {
      await tracker.update(oldest, body);
      return { did: 'update', dryRun, stale, issue: oldest, duplicates: await closeExtra(oldest, [opened]) };
    }
    return { did: 'open', dryRun, stale, issue: opened, duplicates: [] };
  }
  if (current === undefined) return { did: 'nothing' };
  const unread = failed(parts).map((p) => p.workspace);
  if (unread.length > 0) return { did: 'keep', issue: current, unread };
  if (!dryRun) for (const issue of found) await tracker.close(issue, closingComment(parts, context), 'completed');
  return { did: 'close', dryRun, issue: current, duplicates: extra.map((i) => i.number) };
}

/** What the outcome is, in a line for the log and the summary. */
export function issueLine(outcome: IssueOutcome, title: string): string {
  const name = (issue: TrackedIssue): string => `issue #${issue.number}${issue.url === '' ? '' : ` (${issue.url})`}`;
  const keys = (n: number): string => `${n} stale ${n === 1 ? 'key' : 'keys'}`;
  const duplicates = (numbers: number[], dryRun: boolean): string =>
    numbers.length === 0
      ? ''
      : ` ${dryRun ? 'Would close' : 'Closed'} ${numbers.map((n) => `#${n}`).join(', ')} as ${numbers.length === 1 ? 'a duplicate' : 'duplicates'} (two audits ran at once).`;
  switch (outcome.did) {
    case 'open':
      return outcome.issue === undefined
        ? `Dry run: would open an issue titled ${JSON.stringify(title)} listing ${keys(outcome.stale)}; nothing was written.`
        : `Opened ${name(outcome.issue)} listing ${keys(outcome.stale)}.${duplicates(outcome.duplicates, false)}`;
    case 'update':
      return `${outcome.dryRun ? 'Dry run: would update' : 'Updated'} ${name(outcome.issue)} to list ${keys(outcome.stale)}${outcome.dryRun ? '; nothing was written' : ''}.${duplicates(outcome.duplicates, outcome.dryRun)}`;
    case 'close':
      return `No key is stale any more: ${outcome.dryRun ? 'would comment on and close' : 'commented on and closed'} ${name(outcome.issue)}${outcome.dryRun ? '; nothing was written' : ''}.${duplicates(outcome.duplicates, outcome.dryRun)}`;
    case 'keep':
      return (
        `No stale key in the workspaces read, but ${outcome.unread.length === 1 ? 'workspace' : 'workspaces'} ${outcome.unread.map((w) => `'${w}'`).join(', ')} ` +
        `could not be listed: ${name(outcome.issue)} stays open until an audit reads every workspace.`
      );
    case 'nothing':
      return 'No key is stale and no tracking issue is open: the issue is left alone.';
  }
}
