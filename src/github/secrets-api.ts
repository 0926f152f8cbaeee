/**
 * Writing a GitHub Actions secret in two halves, so that everything GitHub can refuse is asked
 * before a key exists: `prepareSecret` (before the key is minted) resolves the selected
 * repositories and reads the target's public key, which proves the token valid and the
 * repository, environment or organization there and readable; `write` (after) seals the value
 * with that key and PUTs it. A write whose outcome is unknown (no answer, a 5xx after the retries)
 * is settled by reading the secret's `updated_at`; only when that fails too does it stay unknown.
 */
import { parseRfc3339 } from '../dates.js';
import { openGitHub, type GitHubApi, type GitHubDeps } from './api.js';
import { answeredStatus, GitHubFailure, StoreWriteUnknown } from './failure.js';
import { sealedBox } from './sealed-box.js';
import { organizationAccess } from './org-access.js';
import { describeTarget, scopeRules, type SecretTarget } from './target.js';

export interface PreparedSecret {
  /** The target, an organization's access resolved (kept as it was, or as set). */
  target: SecretTarget;
  /** Where, in words: "repository secret K in acme/shop". */
  where: string;
  /** For an organization secret: what its access was, and what it will be, when either is worth a line. */
  accessNote?: string;
  /**
   * Seals `value` and stores it. Throws a `GitHubFailure` when GitHub refused it (nothing was
   * stored), a `StoreWriteUnknown` when it may have been stored. 'settled': GitHub's answer
   * was lost, but the secret's `updated_at` shows the write landed.
   */
  write: (value: string) => Promise<'written' | 'settled'>;
}

export async function prepareSecret(target: SecretTarget, deps: GitHubDeps): Promise<PreparedSecret> {
  const api = await openGitHub(target, deps);
  const { scope, name } = target;
  const rules = scopeRules(scope);
  const base = rules.secretsPath(scope, target.type);
  const access = scope.kind === 'organization' ? await organizationAccess(api, target, base, scope) : undefined;
  const resolved: SecretTarget = access === undefined ? target : { ...target, scope: access.scope };
  const what = `read the public key of ${rules.describe(scope)}`;
  const publicKey = await api.call<{ key?: unknown; key_id?: unknown }>({ method: 'GET', what }, `GET ${base}/public-key`);
  const { key, key_id: keyId } = publicKey.data;
  const fail = (problem: string): GitHubFailure => new GitHubFailure(target, { method: 'GET', what }, { kind: 'answer', problem });
  if (typeof key !== 'string' || typeof keyId !== 'string' || keyId === '') throw fail('the answer has no key or key_id');
  const recipient = Buffer.from(key, 'base64');
  if (recipient.length !== 32) throw fail(`its public key is ${recipient.length} bytes, not the 32 of an X25519 key`);
  // GitHub's own clock, to compare with the secret's updated_at if a write's answer is lost.
  const asked = Date.parse(publicKey.headers.date ?? '');
  const before = Number.isNaN(asked) ? deps.now().getTime() - 60_000 : asked;
  const where = describeTarget(resolved);
  // Failures from here on name the target as it will be written (an organization's access resolved).
  const retarget = (error: unknown): unknown =>
    error instanceof GitHubFailure ? new GitHubFailure(resolved, error.request, error.facts, error.notApplied) : error;
  const visibility =
    access === undefined
      ? {}
      : { visibility: access.scope.visibility, ...(access.selectedIds ? { selected_repository_ids: access.selectedIds } : {}) };

  return {
    target: resolved,
    where,
    ...(access?.note === undefined ? {} : { accessNote: access.note }),
    write: async (value) => {
      let sealed: Uint8Array;
      try {
        sealed = sealedBox(new TextEncoder().encode(value), recipient);
      } catch (error) {
        throw fail(`its public key is not a usable X25519 key (${error instanceof Error ? error.message : String(error)})`);
      }
      const put = { method: 'PUT', what: `store ${where}` };
      try {
        await api.call(put, `PUT ${base}/${encodeURIComponent(name)}`, {
          ...visibility,
          encrypted_value: Buffer.from(sealed).toString('base64'),
          key_id: keyId
        });
        return 'written';
      } catch (error) {
        if (!(error instanceof GitHubFailure) || !error.mayHaveApplied) throw retarget(error);
        return settle(api, base, name, before, retarget(error) as GitHubFailure<SecretTarget>);
      }
    }
  };
}

/** After a write whose answer was lost: 'settled' if the secret changed since `before`, the write's failure if it did not. */
async function settle(api: GitHubApi, base: string, name: string, before: number, lost: GitHubFailure<SecretTarget>): Promise<'settled'> {
  let updated: number;
  try {
    const read = await api.call<{ updated_at?: unknown }>(
      { method: 'GET', what: `read when ${lost.request.what.replace(/^store /, '')} was last updated` },
      `GET ${base}/${encodeURIComponent(name)}`
    );
    updated = (typeof read.data.updated_at === 'string' ? parseRfc3339(read.data.updated_at) : undefined) ?? Number.NaN;
  } catch (error) {
    // A secret that does not exist was certainly not written.
    if (answeredStatus(error, 404)) throw notApplied(lost);
    throw new StoreWriteUnknown(lost, error);
  }
  if (Number.isNaN(updated)) throw new StoreWriteUnknown(lost, undefined);
  // updated_at has whole seconds; `before` is GitHub's clock from the public key's answer.
  if (updated >= Math.floor(before / 1000) * 1000) return 'settled';
  throw notApplied(lost);
}

function notApplied(lost: GitHubFailure<SecretTarget>): GitHubFailure<SecretTarget> {
  return new GitHubFailure(lost.target, lost.request, lost.facts, true);
}
