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

/** GitHub kept limiting the rate (403 or 429): after how many retries, or how long it asked to wait when that was too long. */
export interface RateLimited {
  retries: number;
  askedMs?: number;
  maxWaitMs: number;
}

export class GitHubFailure extends Error {
  override name = 'GitHubFailure';
  constructor(
    readonly target: SecretTarget,
    /** GitHub's HTTP status; undefined when no answer came (network). */
    readonly status: number | undefined,
    message: string,
    readonly rateLimited?: RateLimited
  ) {
    super(message);
  }
}

/** How to retry GitHub's API when it limits the rate: the 'retries' input, a way to wait, the time. */
export interface GitHubRetry {
  retries: number;
  sleep: (ms: number) => Promise<void>;
  now: Date;
}

export function describeTarget(target: SecretTarget): string {
  const repository = `${target.owner}/${target.repo}`;
  return target.environment === undefined
    ? `repository secret ${target.name} in ${repository}`
    : `environment secret ${target.name} of environment '${target.environment}' in ${repository}`;
}
