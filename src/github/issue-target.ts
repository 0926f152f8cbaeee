/** The inputs of the audit's tracking issue: 'issue', 'issue-title', and the token that writes it. */
import { InputError } from '../errors.js';
import { boolean, CONTROL_CHARS, type InputReader } from '../inputs/read.js';
import { REPOSITORY } from './secret-target.js';
import { gitHubApiUrl, isDotOrEmpty, type IssueTarget } from './target.js';
import { quoted } from '../text.js';

/** GitHub's limit on an issue's title. */
const MAX_TITLE = 256;

/** The tracking issue's target, or undefined with 'issue' unset or false. `maxAgeDays` is the listing's. */
export function readIssueTarget(
  { read, isSet }: InputReader,
  env: Record<string, string | undefined>,
  maxAgeDays: number | undefined
): IssueTarget | undefined {
  if (!boolean(read, 'issue')) {
    if (isSet('issue-title')) throw new InputError('issue-title', "only applies with 'issue: true': set that too, or remove the title.");
    return undefined;
  }
  if (maxAgeDays === undefined) {
    throw new InputError(
      'issue',
      "needs 'max-age-days': the issue lists the keys older than that, and without it no key is ever stale. Set it, e.g. 'max-age-days: 90'."
    );
  }
  const githubToken = read('github-token');
  if (githubToken === '') {
    throw new InputError(
      'github-token',
      "is required with 'issue: true': the issue is written with it. The workflow's own token is enough: " +
        'github-token: ${{ github.token }}, with `permissions: issues: write` on the job.'
    );
  }
  const title = read('issue-title').trim();
  if (title === '' || title.length > MAX_TITLE || CONTROL_CHARS.test(title)) {
    throw new InputError('issue-title', `must be a title of 1 to ${MAX_TITLE} characters on one line, got ${quoted(title)}.`);
  }
  const repository = env.GITHUB_REPOSITORY ?? '';
  const [, owner, repo] = REPOSITORY.exec(repository) ?? [];
  if (owner === undefined || repo === undefined || isDotOrEmpty(repo)) {
    throw new InputError(
      'issue',
      `opens the issue in the workflow's repository, named by GITHUB_REPOSITORY, which is ${repository === '' ? 'not set: run the step in GitHub Actions' : `not owner/repo (${quoted(repository)})`}.`
    );
  }
  const apiUrl = gitHubApiUrl(env);
  return { kind: 'issue', owner, repo, title, githubToken, apiUrl };
}
