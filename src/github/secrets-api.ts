/**
 * Writes a GitHub Actions secret (repository or environment) through Octokit:
 * fetch the public key, seal the value with it, create or update the secret.
 * Loaded with a dynamic import only when `secret-name` is set: Octokit costs
 * start-up time that other runs should not pay.
 */
import { getOctokit } from '@actions/github';
import { loadUndici } from '../net/undici-on-demand.js';
import { describeTarget, GitHubFailure, type SecretTarget } from './failure.js';
import { sealedBox } from './sealed-box.js';

export async function writeActionsSecret(target: SecretTarget, value: string, userAgent: string): Promise<void> {
  // Octokit fetches through undici, which the bundle loads only on request (src/net/undici-on-demand.ts).
  await loadUndici();
  const octokit = getOctokit(target.githubToken, { baseUrl: target.apiUrl, userAgent });
  const { owner, repo, environment, name } = target;
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
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
    throw new GitHubFailure(target, status, error instanceof Error ? error.message : String(error));
  }
}

export { describeTarget };
