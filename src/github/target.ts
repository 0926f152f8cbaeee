/**
 * Where a key is stored on GitHub: the scopes, and everything that differs between them in one
 * table (`SCOPES`): the API path of its secrets and of its variables, how it is named in words, the
 * permission a token needs, and when GitHub reads it. The secrets and variables APIs, the failure
 * wording and the hand-over read it.
 */

export const VISIBILITIES = ['all', 'private', 'selected'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SECRET_TYPES = ['actions', 'dependabot'] as const;
/** Whose secrets: GitHub Actions' (read by workflow runs), or Dependabot's (read by the runs Dependabot starts). */
export type SecretType = (typeof SECRET_TYPES)[number];

/**
 * Which secrets a key goes into: a repository's, one of its environments', or an organization's.
 * An organization's `visibility` is undefined when the user set none: an existing secret keeps
 * its own (read before the write), a new one gets 'private'.
 */
export type SecretScope =
  | { kind: 'repository'; owner: string; repo: string }
  | { kind: 'environment'; owner: string; repo: string; environment: string }
  | { kind: 'organization'; org: string; visibility: Visibility | undefined; repositories: string[] };

/** Where to store a created key as a GitHub secret. */
export interface SecretTarget {
  name: string;
  /** Actions (the default) or Dependabot; environments hold Actions secrets only. */
  type: SecretType;
  scope: SecretScope;
  githubToken: string;
  /** GITHUB_API_URL, so GitHub Enterprise Server works. */
  apiUrl: string;
}

/**
 * Where to store a public key as a GitHub Actions variable (not a secret: a front-end build reads
 * it as `vars.NAME`), in the scope the 'secret-*' inputs name.
 */
export interface VariableTarget {
  kind: 'variable';
  name: string;
  scope: SecretScope;
  githubToken: string;
  apiUrl: string;
}

/** Where a value is stored on GitHub: a secret, or a variable. */
export type StoreTarget = SecretTarget | VariableTarget;

/**
 * Where the audit's tracking issue lives: the workflow's repository. `title` is the configured
 * 'issue-title', which names the issue for the action (its hidden marker) whatever people later
 * rename it to.
 */
export interface IssueTarget {
  kind: 'issue';
  owner: string;
  repo: string;
  title: string;
  githubToken: string;
  apiUrl: string;
}

/** What a GitHub request was made for: a secret, a variable, or the tracking issue. */
export type GitHubTarget = StoreTarget | IssueTarget;

/** GitHub's API address: GITHUB_API_URL (so GitHub Enterprise Server works), or github.com's. */
export function gitHubApiUrl(env: Record<string, string | undefined>): string {
  return (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
}

export function isIssueTarget(target: GitHubTarget): target is IssueTarget {
  return 'kind' in target && target.kind === 'issue';
}

export function isVariableTarget(target: GitHubTarget): target is VariableTarget {
  return 'kind' in target && target.kind === 'variable';
}

/** "secret" or "variable", for words about a store target. */
export function storeNoun(target: StoreTarget): 'secret' | 'variable' {
  return isVariableTarget(target) ? 'variable' : 'secret';
}

type ScopeOf<K extends SecretScope['kind']> = Extract<SecretScope, { kind: K }>;

interface ScopeRules<S extends SecretScope> {
  /** The API path of the scope's secrets of this type, each name segment encoded. */
  secretsPath: (scope: S, type: SecretType) => string;
  /** The API path of the scope's Actions variables, each name segment encoded. */
  variablesPath: (scope: S) => string;
  /** "repository acme/shop", for a person. */
  describe: (scope: S) => string;
  /** The permission a fine-grained token or GitHub App needs to write such a secret. */
  permission: string;
  /** The permission it needs to write such a variable. */
  variablePermission: string;
  /** Whether GitHub reads it when a run is queued (repository, organization) rather than when a job starts (environment). */
  readAtQueue: boolean;
}

const TOKEN_KINDS = "(a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)";
const VARIABLE_TOKEN_KINDS = "(a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write variables)";
/** A path segment that would move a request elsewhere once the URL is read: '.', '..', or nothing. */
export function isDotOrEmpty(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..';
}

/** One path segment, encoded; '.', '..' or empty never get here (the inputs refuse them), and are refused again. */
function seg(value: string): string {
  if (isDotOrEmpty(value)) throw new Error(`refusing ${JSON.stringify(value)} as a part of a GitHub API path`);
  return encodeURIComponent(value);
}

export const SCOPES: { [K in SecretScope['kind']]: ScopeRules<ScopeOf<K>> } = {
  repository: {
    secretsPath: (s, type) => `/repos/${seg(s.owner)}/${seg(s.repo)}/${type}/secrets`,
    variablesPath: (s) => `/repos/${seg(s.owner)}/${seg(s.repo)}/actions/variables`,
    describe: (s) => `repository ${s.owner}/${s.repo}`,
    permission: `'github-token' needs the repository permission "Secrets: write" ${TOKEN_KINDS}`,
    variablePermission: `'github-token' needs the repository permission "Variables: write" ${VARIABLE_TOKEN_KINDS}`,
    readAtQueue: true
  },
  environment: {
    secretsPath: (s) => `/repos/${seg(s.owner)}/${seg(s.repo)}/environments/${seg(s.environment)}/secrets`,
    variablesPath: (s) => `/repos/${seg(s.owner)}/${seg(s.repo)}/environments/${seg(s.environment)}/variables`,
    describe: (s) => `environment '${s.environment}' in ${s.owner}/${s.repo}`,
    permission: `'github-token' needs the repository permission "Environments: write" ${TOKEN_KINDS}`,
    variablePermission: `'github-token' needs the repository permission "Environments: write" ${VARIABLE_TOKEN_KINDS}`,
    readAtQueue: false
  },
  organization: {
    secretsPath: (s, type) => `/orgs/${seg(s.org)}/${type}/secrets`,
    variablesPath: (s) => `/orgs/${seg(s.org)}/actions/variables`,
    describe: (s) => `organization ${s.org}`,
    permission: `'github-token' needs the organization permission "Secrets: write" ${TOKEN_KINDS}, or the admin:org scope for a classic token`,
    variablePermission: `'github-token' needs the organization permission "Variables: write" ${VARIABLE_TOKEN_KINDS}, or the admin:org scope for a classic token`,
    readAtQueue: true
  }
};

/** The table's row for this scope, typed for it. */
export function scopeRules(scope: SecretScope): ScopeRules<SecretScope> {
  return SCOPES[scope.kind] as ScopeRules<SecretScope>;
}

/** The permission a token needs to write this secret or variable. */
export function permissionFor(target: StoreTarget): string {
  const rules = scopeRules(target.scope);
  return isVariableTarget(target) ? rules.variablePermission : rules.permission;
}

/** "repository secret K in acme/shop", "environment variable V of environment 'prod' in acme/shop", … */
export function describeTarget(target: StoreTarget): string {
  const { scope, name } = target;
  const noun = isVariableTarget(target) ? 'variable' : target.type === 'dependabot' ? 'Dependabot secret' : 'secret';
  switch (scope.kind) {
    case 'repository':
      return `repository ${noun} ${name} in ${scope.owner}/${scope.repo}`;
    case 'environment':
      return `environment ${noun} ${name} of environment '${scope.environment}' in ${scope.owner}/${scope.repo}`;
    case 'organization':
      return `organization ${noun} ${name} of ${scope.org} (${describeVisibility(scope.visibility, scope.repositories)})`;
  }
}

/** Who may read an organization secret, in words. */
export function describeVisibility(visibility: Visibility | undefined, repositories: string[]): string {
  switch (visibility) {
    case undefined:
      return 'visibility as it is';
    case 'all':
      return 'visible to all repositories';
    case 'private':
      return 'visible to private and internal repositories';
    case 'selected':
      return `visible to ${repositories.length === 0 ? 'no repository' : repositories.join(', ')}`;
  }
}
