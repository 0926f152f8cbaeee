/**
 * GitHub's answers that stop the audit's tracking issue, worded: what was asked (the request's
 * `what`), why it failed, and what to fix, a missing "issues: write" named as such. Pure.
 */
import type { GitHubFailure } from '../github/failure.js';
import type { IssueTarget } from '../github/target.js';
import { afterRetries, hostOf } from './words.js';

export const ISSUES_PERMISSION =
  "'github-token' needs to write issues: with the workflow's own token (github-token: ${{ github.token }}), give the job " +
  '`permissions: issues: write`; a fine-grained token or GitHub App token needs the repository permission "Issues: write"';

export function explainIssue(failure: GitHubFailure<IssueTarget>): string {
  const { target, request: r, facts: f } = failure;
  const repository = `${target.owner}/${target.repo}`;
  const api = `GITHUB_API_URL (${target.apiUrl})`;
  const tried = (retries: number): string => (retries > 0 ? ` (${afterRetries(retries)})` : '');
  const mayHave = failure.mayHaveApplied ? ` GitHub may have done it all the same: look at the open issues of ${repository}.` : '';
  switch (f.kind) {
    case 'transport':
      if (f.failure === 'timeout')
        return `GitHub did not answer in time to ${r.what}: ${f.message}${tried(f.retries)}, the deadline set by 'timeout-seconds'.${mayHave} Raise 'timeout-seconds' if GitHub is slow, or run again later.`;
      if (f.failure === 'too-large') return `GitHub's answer to ${r.what} is too large: ${f.message}. Is ${api} GitHub's API?`;
      return (
        `${f.failure === 'unreachable' ? 'Could not reach' : 'The connection failed to'} GitHub at ${hostOf(target.apiUrl)} to ${r.what}: ${f.message}${tried(f.retries)}.${mayHave} ` +
        `Check ${api}, the runner's network and, behind a proxy, HTTPS_PROXY (and NO_PROXY).`
      );
    case 'retry-after':
      return `GitHub answered HTTP ${f.status} to ${r.what} and asked to wait ${Math.ceil(f.waitMs / 1000)} s, longer than the ${f.maxWaitMs / 1000} s this action waits. Run the job again later.`;
    case 'redirect':
      return (
        `GitHub answered the request to ${r.what} with a redirect (HTTP ${f.status}${f.location ? ` to ${f.location}` : ''}), which the action does not follow. ` +
        `The token goes only to ${api}: set GITHUB_API_URL to the address that serves GitHub's API.`
      );
    case 'answer':
      return `GitHub's answer to ${r.what} cannot be right: ${f.problem}. Is ${api} GitHub's API, and not a proxy answering instead?`;
    case 'status': {
      const http = `HTTP ${f.status} (${f.message})`;
      if (f.rateLimited)
        return `GitHub is limiting the rate of requests (${http})${f.retries > 0 ? ` ${afterRetries(f.retries)}` : ''}, so it could not ${r.what}. Run the job again later.`;
      switch (f.status) {
        case 401:
          return `GitHub refused to ${r.what}: ${http}: 'github-token' is not a valid token.`;
        case 403:
          return `GitHub refused to ${r.what}: ${http}: ${ISSUES_PERMISSION}.`;
        case 404:
          return `GitHub could not ${r.what}: ${http}: repository ${repository} does not exist, or the token cannot see it; ${ISSUES_PERMISSION}.`;
        case 410:
          return `GitHub could not ${r.what}: ${http}: issues are turned off in ${repository}. Turn them on (Settings → General → Features → Issues), or remove 'issue: true'.`;
        default:
          return f.status >= 500
            ? `GitHub failed to ${r.what}: ${http}${f.retries > 0 ? ` ${afterRetries(f.retries)}` : ''}.${mayHave} The fault is on GitHub's side or a proxy's; run again later.`
            : `GitHub refused to ${r.what}: ${http}.`;
      }
    }
  }
}
