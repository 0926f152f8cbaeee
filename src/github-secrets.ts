/**
 * Writes a GitHub Actions secret (repository or environment) through Octokit:
 * fetch the public key, seal the value with it, create or update the secret.
 * Loaded with a dynamic import only when `secret-name` is set: Octokit costs
 * start-up time that other runs should not pay.
 */
import { getOctokit } from '@actions/github';
import { preload as preloadUndici } from 'undici';
import { ActionError } from './errors.js';
import { sealedBox } from './sealed-box.js';
import type { SecretTarget } from './settings.js';

export async function writeActionsSecret(target: SecretTarget, value: string, userAgent: string): Promise<void> {
  // Octokit fetches through undici, which the toolkit's shim loads only on request (shims/README.md).
  await preloadUndici();
  const octokit = getOctokit(target.githubToken, { baseUrl: target.apiUrl, userAgent });
  const { owner, repo, environment, name } = target;
  const where = describeTarget(target);
  const scope =
    environment === undefined ? '/repos/{owner}/{repo}/actions/secrets' : '/repos/{owner}/{repo}/environments/{environment_name}/secrets';
  const params = { owner, repo, ...(environment === undefined ? {} : { environment_name: environment }) };
  try {
    const { data } = await octokit.request(`GET ${scope}/public-key`, params);
    const { key, key_id: keyId } = data as { key?: unknown; key_id?: unknown };
    if (typeof key !== 'string' || typeof keyId !== 'string') throw new Error('the public-key answer has no key or key_id');
    const sealed = sealedBox(new TextEncoder().encode(value), Buffer.from(key, 'base64'));
    await octokit.request(`PUT ${scope}/{secret_name}`, {
      ...params,
      secret_name: name,
      encrypted_value: Buffer.from(sealed).toString('base64'),
      key_id: keyId
    });
  } catch (error) {
    throw new ActionError(`GitHub did not store the key as ${where}: ${explain(error, target)}`);
  }
}

export function describeTarget(target: SecretTarget): string {
  const repository = `${target.owner}/${target.repo}`;
  return target.environment === undefined
    ? `repository secret ${target.name} in ${repository}`
    : `environment secret ${target.name} of environment '${target.environment}' in ${repository}`;
}

/** GitHub's reason, and the permission that is likely missing. */
function explain(error: unknown, target: SecretTarget): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const permission =
    target.environment === undefined
      ? "'github-token' needs the repository permission \"Secrets: write\" (a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)"
      : "'github-token' needs the repository permission \"Environments: write\" (a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets)";
  switch (status) {
    case undefined:
      return `${message}. Check GITHUB_API_URL (${target.apiUrl}) and the runner's network.`;
    case 401:
      return `HTTP 401 (${message}): 'github-token' is not a valid token.`;
    case 403:
      return `HTTP 403 (${message}): ${permission}.`;
    case 404:
      return target.environment === undefined
        ? `HTTP 404 (${message}): repository ${target.owner}/${target.repo} does not exist or the token cannot see it; ${permission}.`
        : `HTTP 404 (${message}): environment '${target.environment}' or repository ${target.owner}/${target.repo} does not exist, or the token cannot see it; ${permission}.`;
    default:
      return `HTTP ${status} (${message}).`;
  }
}
