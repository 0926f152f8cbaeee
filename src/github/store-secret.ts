/**
 * Stores a key just created as a GitHub Actions secret. The GitHub client is loaded
 * here, on demand: Octokit costs start-up time that other runs should not pay. A
 * failure (loading included) is thrown; the caller rolls the new key back.
 */
import type { GitHubRetry, SecretTarget } from './failure.js';

/** Returns where the secret was stored, in words for the log and the summary. */
export async function storeKeyAsSecret(secret: string, target: SecretTarget, userAgent: string, retry: GitHubRetry): Promise<string> {
  const { writeActionsSecret, describeTarget } = await import('./secrets-api.js');
  await writeActionsSecret(target, secret, userAgent, retry);
  return describeTarget(target);
}
