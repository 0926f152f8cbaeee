/**
 * Writing a GitHub Actions variable (a public key, which is not a secret) in two halves, as a secret
 * is written (src/github/secrets-api.ts). `prepareVariable`, before the key is made or rotated:
 * lists the scope's variables (which proves the token valid and the repository, environment or
 * organization there and readable), reads the variable (GitHub creates one with POST and updates
 * one with PATCH) and, for an organization's, who may read it. `write`, after: sends the value.
 * A write whose answer was lost is settled by reading the variable back before anything is sent
 * again: the new value there means it landed; no variable, or another value, means it did not, and
 * it is sent once more; a read that fails too leaves it unknown.
 */
import { openGitHub, type GitHubApi, type GitHubDeps } from './api.js';
import { answeredStatus, GitHubFailure, StoreWriteUnknown } from './failure.js';
import { organizationAccess } from './org-access.js';
import { describeTarget, scopeRules, type VariableTarget } from './target.js';

export interface PreparedVariable {
  /** The target, an organization's access resolved (kept as it was, or as set). */
  target: VariableTarget;
  /** Where, in words: "repository variable V in acme/shop". */
  where: string;
  /** For an organization variable: what its access was, and what it will be, when either is worth a line. */
  accessNote?: string;
  /**
   * Stores `value`. Throws a `GitHubFailure` when GitHub refused it (nothing was stored), a
   * `StoreWriteUnknown` when it may have been stored. 'settled': an answer was lost, and reading the
   * variable back showed the value there.
   */
  write: (value: string) => Promise<'written' | 'settled'>;
}

/** A write is sent at most this many times: once more only after reading back showed it did not land. */
const MAX_SENDS = 2;

export async function prepareVariable(target: VariableTarget, deps: GitHubDeps): Promise<PreparedVariable> {
  const api = await openGitHub(target, deps);
  const { scope, name } = target;
  const rules = scopeRules(scope);
  const base = rules.variablesPath(scope);
  const path = `${base}/${encodeURIComponent(name)}`;
  await api.call({ method: 'GET', what: `list the variables of ${rules.describe(scope)}` }, `GET ${base}`, { per_page: 1 });
  const access = scope.kind === 'organization' ? await organizationAccess(api, target, base, scope) : undefined;
  let exists = access?.exists ?? (await readValue(api, target, path)) !== undefined;
  const resolved: VariableTarget = access === undefined ? target : { ...target, scope: access.scope };
  const where = describeTarget(resolved);
  const visibility =
    access === undefined
      ? {}
      : { visibility: access.scope.visibility, ...(access.selectedIds ? { selected_repository_ids: access.selectedIds } : {}) };
  // Failures from here on name the target as it will be written (an organization's access resolved).
  const retarget = (error: unknown): unknown =>
    error instanceof GitHubFailure ? new GitHubFailure(resolved, error.request, error.facts, error.notApplied) : error;
  const send = async (value: string): Promise<void> => {
    const body = { name, value, ...visibility };
    if (exists) await api.call({ method: 'PATCH', what: `update ${where}` }, `PATCH ${path}`, body);
    else await api.call({ method: 'POST', what: `create ${where}` }, `POST ${base}`, body);
  };

  return {
    target: resolved,
    where,
    ...(access?.note === undefined ? {} : { accessNote: access.note }),
    write: async (value) => {
      for (let sends = 1; ; sends++) {
        try {
          await send(value);
          return 'written';
        } catch (caught) {
          const error = retarget(caught);
          // Created meanwhile by someone else (GitHub answers 409): update it instead, once.
          if (!exists && answeredStatus(error, 409) && sends < MAX_SENDS) {
            exists = true;
            continue;
          }
          if (!(error instanceof GitHubFailure) || !error.mayHaveApplied) throw error;
          const lost = error as GitHubFailure<VariableTarget>;
          let found: string | undefined;
          try {
            found = await readValue(api, resolved, path);
          } catch (readBack) {
            throw new StoreWriteUnknown(lost, readBack);
          }
          if (found === value) return 'settled';
          if (sends >= MAX_SENDS) throw new GitHubFailure(lost.target, lost.request, lost.facts, true);
          exists = found !== undefined;
        }
      }
    }
  };
}

/** The variable's value, or undefined when there is no such variable (404). */
async function readValue(api: GitHubApi, target: VariableTarget, path: string): Promise<string | undefined> {
  const request = { method: 'GET', what: `read variable ${target.name} of ${scopeRules(target.scope).describe(target.scope)}` };
  try {
    const found = await api.call<{ value?: unknown }>(request, `GET ${path}`);
    if (typeof found.data.value !== 'string') {
      throw new GitHubFailure(target, request, { kind: 'answer', problem: 'the answer has no value' });
    }
    return found.data.value;
  } catch (error) {
    if (answeredStatus(error, 404)) return undefined;
    throw error;
  }
}
