/** Where a key is stored on GitHub, and GitHub's refusal as facts (worded in `src/report/explain.ts`). */

export const VISIBILITIES = ['all', 'private', 'selected'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Which secrets a key goes into: a repository's, one of its environments', or an organization's. */
export type SecretScope =
  | { kind: 'repository'; owner: string; repo: string }
  | { kind: 'environment'; owner: string; repo: string; environment: string }
  | { kind: 'organization'; org: string; visibility: Visibility; repositories: string[] };

/** Where to store a created key as a GitHub Actions secret. */
export interface SecretTarget {
  name: string;
  scope: SecretScope;
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
    readonly rateLimited?: RateLimited,
    /** A repository named in 'secret-repositories' that GitHub does not know (or the token cannot see). */
    readonly unknownRepository?: string
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
  const { scope, name } = target;
  switch (scope.kind) {
    case 'repository':
      return `repository secret ${name} in ${scope.owner}/${scope.repo}`;
    case 'environment':
      return `environment secret ${name} of environment '${scope.environment}' in ${scope.owner}/${scope.repo}`;
    case 'organization': {
      const who =
        scope.visibility === 'all'
          ? 'all repositories'
          : scope.visibility === 'private'
            ? 'private and internal repositories'
            : scope.repositories.join(', ');
      return `organization secret ${name} of ${scope.org} (visible to ${who})`;
    }
  }
}
