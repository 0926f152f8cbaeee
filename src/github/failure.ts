/** Where a key is stored on GitHub, and GitHub's refusal as facts (worded in `src/report/explain.ts`). */

/** Where to store a created key as a GitHub Actions secret. */
export interface SecretTarget {
  name: string;
  owner: string;
  repo: string;
  /** An environment secret of this environment; a repository secret when undefined. */
  environment: string | undefined;
  githubToken: string;
  /** GITHUB_API_URL, so GitHub Enterprise Server works. */
  apiUrl: string;
}

export class GitHubFailure extends Error {
  override name = 'GitHubFailure';
  constructor(
    readonly target: SecretTarget,
    /** GitHub's HTTP status; undefined when no answer came (network). */
    readonly status: number | undefined,
    message: string
  ) {
    super(message);
  }
}

export function describeTarget(target: SecretTarget): string {
  const repository = `${target.owner}/${target.repo}`;
  return target.environment === undefined
    ? `repository secret ${target.name} in ${repository}`
    : `environment secret ${target.name} of environment '${target.environment}' in ${repository}`;
}
