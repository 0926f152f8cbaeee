/** The inputs that say where to store a created key as a GitHub Actions secret. */
import { InputError } from '../errors.js';
import { CONTROL_CHARS, quote, type ReadInput } from '../inputs/read.js';
import { checkTokenShape, maskCredential } from '../inputs/rules.js';
import type { SecretTarget } from './failure.js';

export const SECRET_INPUTS = ['secret-name', 'secret-environment', 'secret-repository', 'github-token'] as const;

/** GitHub's rules for secret names: letters, digits, underscores; not starting with a digit or GITHUB_. */
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** owner/repo as GitHub allows them. */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** The GitHub token, masked (every line of it) before its shape is checked; '' when not given. */
export function readGitHubToken(read: ReadInput, mask: (secret: string) => void): string {
  const token = read('github-token');
  if (token !== '') {
    maskCredential(token, mask);
    checkTokenShape('github-token', token);
  }
  return token;
}

export function readSecretTarget(read: ReadInput, env: Record<string, string | undefined>): SecretTarget | undefined {
  const name = read('secret-name');
  const githubToken = read('github-token');
  if (name === '') {
    // All three do nothing without a secret to store: the user meant to store one, so say so.
    for (const input of ['secret-environment', 'secret-repository', 'github-token']) {
      if (read(input) !== '') throw new InputError(input, "only applies with 'secret-name': set the secret's name too, or remove it.");
    }
    return undefined;
  }
  if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
    throw new InputError(
      'secret-name',
      `must be letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. SUPRSEND_API_KEY), got ${quote(name)}.`
    );
  }
  if (githubToken === '') {
    throw new InputError(
      'github-token',
      "is required with 'secret-name': a fine-grained token or GitHub App token allowed to write Actions secrets (the workflow's GITHUB_TOKEN cannot)."
    );
  }
  const repository = read('secret-repository') || (env.GITHUB_REPOSITORY ?? '');
  if (repository === '')
    throw new InputError('secret-repository', 'is required outside GitHub Actions (GITHUB_REPOSITORY is not set): give owner/repo.');
  const [, owner, repo] = REPOSITORY.exec(repository) ?? [];
  if (owner === undefined || repo === undefined) {
    throw new InputError('secret-repository', `must be owner/repo, e.g. acme/shop, got ${quote(repository)}.`);
  }
  const environment = read('secret-environment');
  if (CONTROL_CHARS.test(environment) || environment.length > 255) {
    throw new InputError(
      'secret-environment',
      `must be an environment name of at most 255 characters without control characters, got ${quote(environment)}.`
    );
  }
  return {
    name,
    owner,
    repo,
    environment: environment === '' ? undefined : environment,
    githubToken,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  };
}
