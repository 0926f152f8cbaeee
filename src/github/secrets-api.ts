/**
 * Writes a GitHub Actions secret (repository or environment) through Octokit:
 * fetch the public key, seal the value with it, create or update the secret.
 * Loaded with a dynamic import only when `secret-name` is set: Octokit costs
 * start-up time that other runs should not pay.
 */
import { getOctokit } from '@actions/github';
import { loadUndici } from '../net/undici-on-demand.js';
import { backoffMs, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../net/retry.js';
import { describeTarget, GitHubFailure, type GitHubRetry, type SecretTarget } from './failure.js';
import { sealedBox } from './sealed-box.js';

export async function writeActionsSecret(target: SecretTarget, value: string, userAgent: string, retry: GitHubRetry): Promise<void> {
  // Octokit fetches through undici, which the bundle loads only on request (src/net/undici-on-demand.ts).
  await loadUndici();
  const octokit = getOctokit(target.githubToken, { baseUrl: target.apiUrl, userAgent });
  const call = <T>(request: () => Promise<T>): Promise<T> => withRateLimitRetries(target, retry, request);
  const { scope, name } = target;
  const [base, params] =
    scope.kind === 'organization'
      ? ['/orgs/{org}/actions/secrets', { org: scope.org }]
      : scope.kind === 'environment'
        ? [
            '/repos/{owner}/{repo}/environments/{environment_name}/secrets',
            { owner: scope.owner, repo: scope.repo, environment_name: scope.environment }
          ]
        : ['/repos/{owner}/{repo}/actions/secrets', { owner: scope.owner, repo: scope.repo }];
  // The repositories an organization secret is visible to, by id; an unknown one fails before anything is written.
  const selected =
    scope.kind === 'organization' && scope.visibility === 'selected' ? await repositoryIds(scope.org, scope.repositories) : undefined;
  const publicKey: { data: unknown } = await call(() => octokit.request(`GET ${base}/public-key`, params));
  const { key, key_id: keyId } = publicKey.data as { key?: unknown; key_id?: unknown };
  if (typeof key !== 'string' || typeof keyId !== 'string')
    throw new GitHubFailure(target, undefined, 'the public-key answer has no key or key_id');
  const sealed = sealedBox(new TextEncoder().encode(value), Buffer.from(key, 'base64'));
  const visibility =
    scope.kind === 'organization' ? { visibility: scope.visibility, ...(selected ? { selected_repository_ids: selected } : {}) } : {};
  await call(() =>
    octokit.request(`PUT ${base}/{secret_name}`, {
      ...params,
      ...visibility,
      secret_name: name,
      encrypted_value: Buffer.from(sealed).toString('base64'),
      key_id: keyId
    })
  );

  async function repositoryIds(org: string, repositories: string[]): Promise<number[]> {
    const ids: number[] = [];
    for (const repo of repositories) {
      try {
        const { data: found } = await call(() => octokit.request('GET /repos/{owner}/{repo}', { owner: org, repo }));
        ids.push((found as { id: number }).id);
      } catch (error) {
        if (error instanceof GitHubFailure && error.status === 404)
          throw new GitHubFailure(target, 404, error.message, undefined, `${org}/${repo}`);
        throw error;
      }
    }
    return ids;
  }
}

/**
 * One GitHub API call, retried while GitHub limits the rate (a 429, or a 403 that says so:
 * a Retry-After, no requests remaining, or "rate limit" in the message), as the SuprSend
 * client retries: at most `retries` times, waiting what Retry-After asks up to the same cap.
 * Any other failure, or the last one, becomes a GitHubFailure.
 */
async function withRateLimitRetries<T>(target: SecretTarget, retry: GitHubRetry, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
      const message = error instanceof Error ? error.message : String(error);
      const limited = rateLimitWait(error, status, message, retry.now);
      if (limited === undefined) throw new GitHubFailure(target, status, message);
      if (limited.waitMs !== undefined && limited.waitMs > MAX_RETRY_AFTER_MS) {
        throw new GitHubFailure(target, status, message, { retries: attempt, askedMs: limited.waitMs, maxWaitMs: MAX_RETRY_AFTER_MS });
      }
      if (attempt >= retry.retries) throw new GitHubFailure(target, status, message, { retries: attempt, maxWaitMs: MAX_RETRY_AFTER_MS });
      await retry.sleep(limited.waitMs ?? backoffMs(attempt, Math.random));
    }
  }
}

/** Whether GitHub limited the rate, and how long it asked to wait (undefined: it did not say). */
function rateLimitWait(error: unknown, status: number | undefined, message: string, now: Date): { waitMs: number | undefined } | undefined {
  const headers = (error as { response?: { headers?: Record<string, string | undefined> } }).response?.headers ?? {};
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  const exhausted = headers['x-ratelimit-remaining'] === '0';
  if (status !== 429 && !(status === 403 && (retryAfter !== undefined || exhausted || /rate limit/i.test(message)))) return undefined;
  const reset = Number(headers['x-ratelimit-reset']);
  const untilReset = exhausted && Number.isFinite(reset) ? Math.max(0, reset * 1000 - now.getTime()) : undefined;
  return { waitMs: retryAfter ?? untilReset };
}

export { describeTarget };
