/**
 * The tracking issue's decisions and words, without a server: what `trackIssue` does with the open
 * issues it finds (a fake tracker records every write), and how its failures are worded.
 */
import { describe, expect, it } from '@jest/globals';
import { GitHubFailure, type GitHubFacts } from '../../src/github/failure.js';
import type { IssueTracker, TrackedIssue } from '../../src/github/issues-api.js';
import type { IssueTarget } from '../../src/github/target.js';
import { describeError } from '../../src/report/explain.js';
import type { Part } from '../../src/commands/across.js';
import { summarizeKeys, type ListResult } from '../../src/commands/list/tally.js';
import { issueLine, trackIssue } from '../../src/commands/list/tracking-issue.js';

const now = new Date('2026-11-30T12:00:00Z');
const context = { maxAgeDays: 90, now, runUrl: undefined, uses: 'acme/suprsend-key-action@v2' };
const issue = (n: number): TrackedIssue => ({ number: n, url: `https://github.test/acme/shop/issues/${n}`, title: 'T' });

function workspace(name: string, ages: number[]): Part<ListResult> {
  const keys = ages.map((days, i) => ({
    id: `${name}_${i}`,
    name: `k${i}`,
    is_active: true,
    created_at: new Date(now.getTime() - days * 86_400_000).toISOString()
  }));
  const filter = { name: undefined, includeDeleted: false, maxAgeDays: 90, failOnStale: false };
  return { workspace: name, result: summarizeKeys(keys, filter, { workspace: name, now }) };
}

/** A tracker over `open` issues that records what it is asked to write. */
function fakeTracker(open: TrackedIssue[]): IssueTracker & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    findOpen: () => Promise.resolve([...open]),
    open: () => {
      writes.push('open');
      const made = issue(open.length + 10);
      open.push(made);
      return Promise.resolve(made);
    },
    update: (i) => {
      writes.push(`update #${i.number}`);
      return Promise.resolve();
    },
    close: (i, _comment, reason) => {
      writes.push(`close #${i.number} ${reason}`);
      return Promise.resolve();
    }
  };
}

describe('trackIssue', () => {
  it('stale keys and two open issues left by a race: the oldest is updated, the other closed as a duplicate', async () => {
    const tracker = fakeTracker([issue(3), issue(5)]);
    const outcome = await trackIssue([workspace('prod', [100, 10])], tracker, { ...context, dryRun: false });
    expect(tracker.writes).toEqual(['update #3', 'close #5 not_planned']);
    expect(issueLine(outcome, 'T')).toBe(
      'Updated issue #3 (https://github.test/acme/shop/issues/3) to list 1 stale key. Closed #5 as a duplicate (two audits ran at once).'
    );
  });

  it('racing audits: each closes only the issue it opened, when it is not the oldest', async () => {
    const open: TrackedIssue[] = [];
    const older = fakeTracker(open);
    // Another audit's issue lands just after ours, with a higher number: ours is the oldest, and stays.
    const realOpen = older.open;
    older.open = async (body) => {
      const mine = await realOpen(body);
      open.push(issue(mine.number + 1));
      return mine;
    };
    await trackIssue([workspace('prod', [100])], older, { ...context, dryRun: false });
    expect(older.writes).toEqual(['open']);
    // The other audit sees ours as the oldest: it updates ours and closes its own.
    const later = fakeTracker([issue(10)]);
    later.findOpen = (() => {
      let calls = 0;
      return () => Promise.resolve(calls++ === 0 ? [] : [issue(10), issue(11)]);
    })();
    later.open = () => {
      later.writes.push('open');
      return Promise.resolve(issue(11));
    };
    const outcome = await trackIssue([workspace('prod', [100])], later, { ...context, dryRun: false });
    expect(later.writes).toEqual(['open', 'update #10', 'close #11 not_planned']);
    expect(outcome).toMatchObject({ did: 'update', issue: { number: 10 }, duplicates: [11] });
  });

  it('nothing stale: every open one is closed as completed; in a dry run none is', async () => {
    const tracker = fakeTracker([issue(3), issue(5)]);
    await trackIssue([workspace('prod', [10])], tracker, { ...context, dryRun: false });
    expect(tracker.writes).toEqual(['close #3 completed', 'close #5 completed']);
    const dry = fakeTracker([issue(3)]);
    const outcome = await trackIssue([workspace('prod', [10])], dry, { ...context, dryRun: true });
    expect(dry.writes).toEqual([]);
    expect(issueLine(outcome, 'T')).toBe(
      'No key is stale any more: would comment on and close issue #3 (https://github.test/acme/shop/issues/3); nothing was written.'
    );
  });

  it('nothing stale among the workspaces read, one unread: the issue stays open; stale keys with one unread: it is updated', async () => {
    const unread: Part<ListResult> = { workspace: 'eu', error: 'HTTP 503' };
    const kept = fakeTracker([issue(3)]);
    const outcome = await trackIssue([workspace('prod', [10]), unread], kept, { ...context, dryRun: false });
    expect([outcome.did, kept.writes]).toEqual(['keep', []]);
    const updated = fakeTracker([issue(3)]);
    await trackIssue([workspace('prod', [100]), unread], updated, { ...context, dryRun: false });
    expect(updated.writes).toEqual(['update #3']);
  });
});

describe("the tracking issue's failures, worded", () => {
  const target: IssueTarget = {
    kind: 'issue',
    owner: 'acme',
    repo: 'shop',
    title: 'T',
    githubToken: 't',
    apiUrl: 'https://api.github.com'
  };
  const say = (method: string, facts: GitHubFacts): string =>
    describeError(new GitHubFailure(target, { method, what: 'open the tracking issue in acme/shop' }, facts));
  const status = (s: number): GitHubFacts => ({ kind: 'status', status: s, message: 'said so', retries: 1, rateLimited: false });

  it.each([
    [403, /HTTP 403 \(said so\): 'github-token' needs to write issues: .*`permissions: issues: write`/],
    [404, /repository acme\/shop does not exist, or the token cannot see it; 'github-token' needs to write issues/],
    [410, /issues are turned off in acme\/shop\. Turn them on \(Settings → General → Features → Issues\), or remove 'issue: true'\.$/],
    [401, /'github-token' is not a valid token\.$/],
    [502, /HTTP 502 \(said so\) after 1 retry\. GitHub may have done it all the same: look at the open issues of acme\/shop\./]
  ])('HTTP %i', (code, pattern) => {
    expect(say('POST', status(code))).toMatch(pattern);
  });

  it('a timeout on a read says nothing may have been written', () => {
    const facts: GitHubFacts = {
      kind: 'transport',
      failure: 'timeout',
      message: 'no answer in 30 s',
      retries: 0,
      mayHaveReachedServer: true
    };
    expect(say('GET', facts)).toBe(
      "GitHub did not answer in time to open the tracking issue in acme/shop: no answer in 30 s, the deadline set by 'timeout-seconds'. Raise 'timeout-seconds' if GitHub is slow, or run again later."
    );
  });
});
