/**
 * Who may read an organization secret or variable. GitHub's write restates its visibility (and
 * selected repositories) every time, so writing without them would widen or cut access. So, before
 * a key is made: the secret (or variable) is read; without 'secret-visibility' an existing one keeps
 * its visibility and its selected repositories (their list read page by page), and a new one is
 * 'private'; with it, the named repositories are resolved to ids (a refusal fails here, before
 * anything exists), and a change from what it had is said in the log.
 */
import type { GitHubApi } from './api.js';
import { answeredStatus, GitHubFailure, type GitHubRequest } from './failure.js';
import { describeVisibility, storeNoun, type SecretScope, type StoreTarget, type Visibility } from './target.js';

type OrganizationScope = Extract<SecretScope, { kind: 'organization' }>;

export interface OrganizationAccess {
  /** The scope with the visibility (and selected repositories' names) the write will state. */
  scope: OrganizationScope & { visibility: Visibility };
  selectedIds?: number[];
  /** From → to, or what a new secret or variable gets, when worth a line. */
  note?: string;
  /** Whether it exists already (a variable is then updated, not created). */
  exists: boolean;
}

/** GitHub's page size for the selected repositories' list. */
const PER_PAGE = 100;
/** At most this many pages (10,000 repositories): a listing that never ends is GitHub's answer being wrong. */
const MAX_PAGES = 100;

export async function organizationAccess(
  api: GitHubApi,
  target: StoreTarget,
  base: string,
  scope: OrganizationScope
): Promise<OrganizationAccess> {
  const name = encodeURIComponent(target.name);
  const noun = storeNoun(target);
  const existing = await readExisting(api, target, base, name, scope.org);
  const exists = existing !== undefined;
  if (scope.visibility === undefined) {
    if (existing === undefined) {
      return {
        scope: { ...scope, visibility: 'private' },
        note: `A new organization ${noun}: ${describeVisibility('private', [])} ('secret-visibility' unset).`,
        exists
      };
    }
    if (existing.visibility !== 'selected') return { scope: { ...scope, visibility: existing.visibility }, exists };
    const kept = await selectedRepositories(api, target, base, name, scope.org);
    return {
      scope: { ...scope, visibility: 'selected', repositories: kept.map((r) => r.name) },
      selectedIds: kept.map((r) => r.id),
      exists
    };
  }
  const selectedIds = scope.visibility === 'selected' ? await repositoryIds(api, target, scope.org, scope.repositories) : undefined;
  const access: OrganizationAccess = { scope: { ...scope, visibility: scope.visibility }, ...(selectedIds ? { selectedIds } : {}), exists };
  if (existing === undefined) return access;
  const before = existing.visibility === 'selected' ? await selectedRepositories(api, target, base, name, scope.org) : [];
  const from = describeVisibility(
    existing.visibility,
    before.map((r) => r.name)
  );
  const to = describeVisibility(scope.visibility, scope.repositories);
  return from === to
    ? access
    : { ...access, note: `Access to organization ${noun} ${target.name} of ${scope.org} changes: from ${from} to ${to}.` };
}

async function readExisting(
  api: GitHubApi,
  target: StoreTarget,
  base: string,
  name: string,
  org: string
): Promise<{ visibility: Visibility } | undefined> {
  const request: GitHubRequest = {
    method: 'GET',
    what: `read organization ${storeNoun(target)} ${target.name} of ${org} (its visibility)`
  };
  try {
    const found = await api.call<{ visibility?: unknown }>(request, `GET ${base}/${name}`);
    const { visibility } = found.data;
    if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
      throw new GitHubFailure(target, request, { kind: 'answer', problem: `its visibility is ${JSON.stringify(visibility)}` });
    }
    return { visibility };
  } catch (error) {
    if (answeredStatus(error, 404)) return undefined;
    throw error;
  }
}

/** The repositories an existing 'selected' secret or variable is visible to, every page. */
async function selectedRepositories(
  api: GitHubApi,
  target: StoreTarget,
  base: string,
  name: string,
  org: string
): Promise<{ id: number; name: string }[]> {
  const request: GitHubRequest = {
    method: 'GET',
    what: `list the repositories that may read organization ${storeNoun(target)} ${target.name} of ${org}`
  };
  const all: { id: number; name: string }[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await api.call<{ repositories?: unknown }>(request, `GET ${base}/${name}/repositories`, { per_page: PER_PAGE, page });
    const { repositories } = answer.data;
    if (!Array.isArray(repositories))
      throw new GitHubFailure(target, request, { kind: 'answer', problem: 'the answer has no repositories list' });
    for (const repo of repositories as { id?: unknown; name?: unknown }[]) {
      if (typeof repo.id !== 'number' || typeof repo.name !== 'string') {
        throw new GitHubFailure(target, request, { kind: 'answer', problem: 'a repository without an id or a name' });
      }
      all.push({ id: repo.id, name: repo.name });
    }
    if (repositories.length < PER_PAGE) return all;
  }
  throw new GitHubFailure(target, request, { kind: 'answer', problem: `more than ${MAX_PAGES} pages of repositories` });
}

/** The ids of the repositories named in 'secret-repositories'; a lookup GitHub refuses fails before any key exists. */
async function repositoryIds(api: GitHubApi, target: StoreTarget, org: string, repositories: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const repo of repositories) {
    const repository = `${org}/${repo}`;
    const request = { method: 'GET', what: `look up repository ${repository}`, repository };
    const found = await api.call<{ id?: unknown }>(request, 'GET /repos/{owner}/{repo}', { owner: org, repo });
    if (typeof found.data.id !== 'number') throw new GitHubFailure(target, request, { kind: 'answer', problem: 'the answer has no id' });
    ids.push(found.data.id);
  }
  return ids;
}
