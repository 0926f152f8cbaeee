/**
 * Where a key is stored on GitHub: the scopes, and everything that differs between them in one
 * table (`SCOPES`): the API path of its secrets, how it is named in words, the permission a token
 * needs, and when GitHub reads it. The secrets API, the failure wording and the hand-over read it.
 */

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

type ScopeOf<K extends SecretScope['kind']> = Extract<SecretScope, { kind: K }>;

interface ScopeRules<S extends SecretScope> {
  /** The API path of the scope's secrets, each name segment encoded. */
  secretsPath: (scope: S) => string;
  /** "repository acme/shop", for a person. */
  describe: (scope: S) => string;
  /** The permission a fine-grained token or GitHub App needs to write such a secret. */
  permission: string;
  /** Whether GitHub reads it when a run is queued (repository, organization) rather than when a job starts (environment). */
  readAtQueue: boolean;
}

const TOKEN_KINDS = "(a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)";
/** One path segment, encoded; '.', '..' or empty would move the request elsewhere once the URL is read, so they never get here. */
function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') throw new Error(`refusing ${JSON.stringify(value)} as a part of a GitHub API path`);
  return encodeURIComponent(value);
}

export const SCOPES: { [K in SecretScope['kind']]: ScopeRules<ScopeOf<K>> } = {
  repository: {
    secretsPath: (s) => `/repos/${seg(s.owner)}/${seg(s.repo)}/actions/secrets`,
    describe: (s) => `repository ${s.owner}/${s.repo}`,
    permission: `'github-token' needs the repository permission "Secrets: write" ${TOKEN_KINDS}`,
    readAtQueue: true
  },
  environment: {
    secretsPath: (s) => `/repos/${seg(s.owner)}/${seg(s.repo)}/environments/${seg(s.environment)}/secrets`,
    describe: (s) => `environment '${s.environment}' in ${s.owner}/${s.repo}`,
    permission: `'github-token' needs the repository permission "Environments: write" ${TOKEN_KINDS}`,
    readAtQueue: false
  },
  organization: {
    secretsPath: (s) => `/orgs/${seg(s.org)}/actions/secrets`,
    describe: (s) => `organization ${s.org}`,
    permission: `'github-token' needs the organization permission "Secrets: write" ${TOKEN_KINDS}, or the admin:org scope for a classic token`,
    readAtQueue: true
  }
};

/** The table's row for this scope, typed for it. */
export function scopeRules(scope: SecretScope): ScopeRules<SecretScope> {
  return SCOPES[scope.kind] as ScopeRules<SecretScope>;
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
