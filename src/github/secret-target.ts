/** The inputs that say where to store a created key as a GitHub Actions secret, or a public key as a variable. */
import { InputError } from '../errors.js';
import type { InputName } from '../names.js';
import { CONTROL_CHARS, list, oneOf, type InputReader, type ReadInput } from '../inputs/read.js';
import { checkTokenShape, maskCredential } from '../inputs/rules.js';
import {
  gitHubApiUrl,
  isDotOrEmpty,
  SECRET_TYPES,
  VISIBILITIES,
  type SecretScope,
  type SecretTarget,
  type VariableTarget
} from './target.js';
import { quoted } from '../text.js';

export const SECRET_INPUTS = [
  'secret-name',
  'secret-environment',
  'secret-repository',
  'secret-organization',
  'secret-visibility',
  'secret-repositories',
  'secret-type',
  'github-token'
] as const;

/** The scope inputs: where a secret or a variable goes. */
const SCOPE_INPUTS = ['secret-environment', 'secret-repository', 'secret-organization', 'secret-repositories'] as const;

/** What a public key's variable reads: its name, the scope inputs and the token (no secret's name or type). */
export const VARIABLE_INPUTS = ['variable-name', ...SCOPE_INPUTS, 'secret-visibility', 'github-token'] as const;

/** Letters, digits, underscores, not starting with a digit. */
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A GitHub login (user or organization): letters, digits and single hyphens inside, at most 39. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A repository's name. */
const REPO_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** owner/repo as GitHub allows them. */
export const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

const DOT_SEGMENTS = "'.', '..' and empty parts change where a request goes";

/** The GitHub token, masked (every line of it) before its shape is checked; '' when not given. */
export function readGitHubToken(read: ReadInput, mask: (secret: string) => void): string {
  const token = read('github-token');
  if (token !== '') {
    maskCredential(token, mask);
    checkTokenShape('github-token', token);
  }
  return token;
}

export function readSecretTarget({ read, isSet }: InputReader, env: Record<string, string | undefined>): SecretTarget | undefined {
  const name = read('secret-name');
  if (name === '') {
    refuseWithoutName('secret-name', ['secret-type'], read, isSet);
    return undefined;
  }
  checkName('secret-name', name, 'SUPRSEND_API_KEY');
  const githubToken = requireToken(read, 'secret-name', 'Actions secrets');
  const apiUrl = gitHubApiUrl(env);
  const type = oneOf(read, 'secret-type', SECRET_TYPES);
  const where = scope(read, isSet, env);
  if (type === 'dependabot' && where.kind === 'environment') {
    throw new InputError(
      'secret-type',
      "'dependabot' and 'secret-environment' are both set: environments hold Actions secrets only. Store a Dependabot secret in the repository or the organization."
    );
  }
  return { name, type, scope: where, githubToken, apiUrl };
}

/** Where to store a public key as a GitHub Actions variable ('variable-name', in the scope the 'secret-*' inputs name). */
export function readVariableTarget({ read, isSet }: InputReader, env: Record<string, string | undefined>): VariableTarget | undefined {
  const name = read('variable-name');
  if (name === '') {
    refuseWithoutName('variable-name', [], read, isSet);
    return undefined;
  }
  checkName('variable-name', name, 'SUPRSEND_PUBLIC_KEY');
  const githubToken = requireToken(read, 'variable-name', 'Actions variables');
  return { kind: 'variable', name, scope: scope(read, isSet, env), githubToken, apiUrl: gitHubApiUrl(env) };
}

/** Each scope input does nothing without a name to store under: the user meant to store something, so say so. */
function refuseWithoutName(
  nameInput: 'secret-name' | 'variable-name',
  alsoIfSet: readonly InputName[],
  read: ReadInput,
  isSet: (input: InputName) => boolean
): void {
  const what = nameInput === 'secret-name' ? "the secret's" : "the variable's";
  for (const input of [...SCOPE_INPUTS, 'github-token'] as const) {
    if (read(input) !== '') throw new InputError(input, `only applies with '${nameInput}': set ${what} name too, or remove it.`);
  }
  for (const input of ['secret-visibility', ...alsoIfSet] as InputName[]) {
    if (isSet(input)) throw new InputError(input, `only applies with '${nameInput}': set ${what} name too, or remove it.`);
  }
}

/** GitHub's rules for secret and variable names: letters, digits, underscores; not starting with a digit or GITHUB_. */
function checkName(input: 'secret-name' | 'variable-name', name: string, example: string): void {
  if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
    throw new InputError(
      input,
      `must be letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. ${example}), got ${quoted(name)}.`
    );
  }
}

function requireToken(read: ReadInput, nameInput: 'secret-name' | 'variable-name', writes: string): string {
  const githubToken = read('github-token');
  if (githubToken === '') {
    throw new InputError(
      'github-token',
      `is required with '${nameInput}': a fine-grained token or GitHub App token allowed to write ${writes} (the workflow's GITHUB_TOKEN cannot).`
    );
  }
  return githubToken;
}

function scope(read: ReadInput, isSet: (input: InputName) => boolean, env: Record<string, string | undefined>): SecretScope {
  const org = read('secret-organization');
  if (org !== '') return organizationScope(org, read, isSet);
  for (const input of ['secret-repositories', 'secret-visibility'] as const) {
    if (isSet(input))
      throw new InputError(input, "only applies with 'secret-organization': an organization secret's visibility and repositories.");
  }
  const repository = read('secret-repository') || (env.GITHUB_REPOSITORY ?? '');
  if (repository === '')
    throw new InputError('secret-repository', 'is required outside GitHub Actions (GITHUB_REPOSITORY is not set): give owner/repo.');
  const [, owner, repo] = REPOSITORY.exec(repository) ?? [];
  if (owner === undefined || repo === undefined || isDotOrEmpty(repo)) {
    throw new InputError('secret-repository', `must be owner/repo, e.g. acme/shop (${DOT_SEGMENTS}), got ${quoted(repository)}.`);
  }
  const environment = read('secret-environment');
  if (CONTROL_CHARS.test(environment) || environment.length > 255) {
    throw new InputError(
      'secret-environment',
      `must be an environment name of at most 255 characters without control characters, got ${quoted(environment)}.`
    );
  }
  // A '/' is kept (sent encoded, as GitHub asks); a part of the name that is '.', '..' or empty is not a name.
  if (environment !== '' && environment.split('/').some(isDotOrEmpty)) {
    throw new InputError('secret-environment', `must be an environment's name; ${DOT_SEGMENTS}: got ${quoted(environment)}.`);
  }
  return environment === '' ? { kind: 'repository', owner, repo } : { kind: 'environment', owner, repo, environment };
}

function organizationScope(org: string, read: ReadInput, isSet: (input: InputName) => boolean): SecretScope {
  for (const input of ['secret-environment', 'secret-repository'] as const) {
    if (read(input) !== '') {
      throw new InputError(
        input,
        "and 'secret-organization' are both set: an organization secret belongs to no repository or environment; pick one."
      );
    }
  }
  if (!LOGIN.test(org)) {
    throw new InputError('secret-organization', `must be a GitHub organization's login (letters, digits and hyphens), got ${quoted(org)}.`);
  }
  const repositories = list(read('secret-repositories'));
  // Unset: the repositories named mean 'selected'; none means an existing secret keeps the access it has (a new one: 'private').
  const visibility = isSet('secret-visibility')
    ? oneOf(read, 'secret-visibility', VISIBILITIES)
    : repositories.length > 0
      ? ('selected' as const)
      : undefined;
  if (visibility === 'selected' && repositories.length === 0) {
    throw new InputError(
      'secret-repositories',
      "is required with 'secret-visibility: selected': the repositories of the organization that may read the secret."
    );
  }
  if (visibility !== 'selected' && visibility !== undefined && repositories.length > 0) {
    throw new InputError(
      'secret-repositories',
      `only applies with 'secret-visibility: selected' (it is '${visibility}'): set it to selected, or remove the list.`
    );
  }
  // Organization names are not case-sensitive on GitHub: 'Acme' and 'acme/shop' name the same organization.
  const bare = (repo: string): string => (repo.toLowerCase().startsWith(`${org.toLowerCase()}/`) ? repo.slice(org.length + 1) : repo);
  for (const repo of repositories) {
    if (!REPO_NAME.test(bare(repo)) || isDotOrEmpty(bare(repo))) {
      throw new InputError('secret-repositories', `must be repository names of ${org} (${DOT_SEGMENTS}), got ${quoted(repo)}.`);
    }
  }
  return { kind: 'organization', org, visibility, repositories: repositories.map(bare) };
}
