/**
 * The audit's tracking issue on GitHub: found among the repository's open issues by a hidden
 * marker in its body (made from the configured 'issue-title', so a title people edit changes
 * nothing), opened, updated, commented on and closed through the same guarded Octokit as the
 * secrets. Listing the open issues, not searching: the search API lags behind writes and would let
 * a duplicate through. An open whose answer was lost is looked for again before it is sent again.
 */
import { createHash } from 'node:crypto';
import { ActionError } from '../errors.js';
import { openGitHub, type GitHubApi, type GitHubDeps } from './api.js';
import { GitHubFailure } from './failure.js';
import type { IssueTarget } from './target.js';

export interface TrackedIssue {
  number: number;
  url: string;
  /** As it is on GitHub now (people may have edited it). */
  title: string;
}

export interface IssueTracker {
  /** The open issues carrying this title's marker, oldest first (more than one only after two audits raced). */
  findOpen: () => Promise<TrackedIssue[]>;
  /** Opens the issue with `body` (the marker put first); a lost answer is settled by looking again, never by a blind second open. */
  open: (body: string) => Promise<TrackedIssue>;
  update: (issue: TrackedIssue, body: string) => Promise<void>;
  /** Comments `comment` on the issue, then closes it: 'completed', or 'not_planned' for a duplicate. */
  close: (issue: TrackedIssue, comment: string, reason: 'completed' | 'not_planned') => Promise<void>;
}

const PER_PAGE = 100;
/** 100 pages of 100: a repository with more open issues than that is refused rather than half read. */
const MAX_PAGES = 100;

/** The hidden line that names the issue for the action: the same title, the same marker. */
export function issueMarker(title: string): string {
  const id = createHash('sha256').update(title).digest('hex').slice(0, 16);
  return `<!-- suprsend-key-action tracking-issue ${id} -->`;
}

interface IssueJson {
  number?: unknown;
  html_url?: unknown;
  title?: unknown;
  body?: unknown;
  pull_request?: unknown;
}

export async function openIssueTracker(target: IssueTarget, deps: GitHubDeps): Promise<IssueTracker> {
  const api = await openGitHub(target, deps);
  const { owner, repo } = target;
  const marker = issueMarker(target.title);
  const repository = `${owner}/${repo}`;
  const withMarker = (body: string): string => `${marker}\n${body}`;

  const findOpen = async (): Promise<TrackedIssue[]> => {
    const found: TrackedIssue[] = [];
    const request = { method: 'GET', what: `list the open issues of ${repository}` };
    for (let page = 1; page <= MAX_PAGES; page++) {
      const answer = await api.call<IssueJson[]>(request, 'GET /repos/{owner}/{repo}/issues', {
        owner,
        repo,
        state: 'open',
        per_page: PER_PAGE,
        page
      });
      if (!Array.isArray(answer.data)) throw new GitHubFailure(target, request, { kind: 'answer', problem: 'the answer is not a list' });
      for (const item of answer.data) {
        // The issues API lists pull requests too; only an issue whose body carries the marker is ours.
        if (item.pull_request !== undefined || typeof item.body !== 'string' || !item.body.includes(marker)) continue;
        found.push(asIssue(item, target, request));
      }
      if (answer.data.length < PER_PAGE) return found.sort((a, b) => a.number - b.number);
    }
    throw new ActionError(
      `${repository} has more than ${MAX_PAGES * PER_PAGE} open issues: the action does not read them all to find its tracking issue. Close some, or remove 'issue: true'.`
    );
  };

  const open = async (body: string): Promise<TrackedIssue> => {
    const request = { method: 'POST', what: `open the tracking issue in ${repository}` };
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await api.call<IssueJson>(request, 'POST /repos/{owner}/{repo}/issues', {
          owner,
          repo,
          title: target.title,
          body: withMarker(body)
        });
        return asIssue(answer.data, target, request);
      } catch (error) {
        if (!(error instanceof GitHubFailure) || !error.mayHaveApplied) throw error;
        // The open may have landed: look before sending it again.
        const [landed] = await findOpen();
        if (landed !== undefined) return landed;
        if (attempt >= deps.retries) throw new GitHubFailure(target, request, error.facts, true);
        deps.debug(`Opening the issue got no clear answer and it is not among the open issues: opening it again (attempt ${attempt + 2}).`);
        await deps.sleep(1000 * 2 ** attempt);
      }
    }
  };

  const patch = (issue: TrackedIssue, what: string, fields: Record<string, string>): Promise<unknown> =>
    api.call(
      { method: 'PATCH', what: `${what} issue #${issue.number} of ${repository}` },
      'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
      {
        owner,
        repo,
        issue_number: issue.number,
        ...fields
      }
    );

  return {
    findOpen,
    open,
    update: async (issue, body) => {
      await patch(issue, 'update', { body: withMarker(body) });
    },
    close: async (issue, comment, reason) => {
      await addComment(api, target, issue, comment);
      await patch(issue, 'close', { state: 'closed', state_reason: reason });
    }
  };
}

async function addComment(api: GitHubApi, target: IssueTarget, issue: TrackedIssue, body: string): Promise<void> {
  const { owner, repo } = target;
  await api.call(
    { method: 'POST', what: `comment on issue #${issue.number} of ${owner}/${repo}` },
    'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { owner, repo, issue_number: issue.number, body }
  );
}

function asIssue(item: IssueJson, target: IssueTarget, request: { method: string; what: string }): TrackedIssue {
  if (typeof item.number !== 'number' || !Number.isSafeInteger(item.number) || item.number < 1) {
    throw new GitHubFailure(target, request, { kind: 'answer', problem: 'an issue without a number' });
  }
  return {
    number: item.number,
    url: typeof item.html_url === 'string' ? item.html_url : '',
    title: typeof item.title === 'string' ? item.title : ''
  };
}
