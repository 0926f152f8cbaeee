/**
 * The account's workspaces (`GET /v1/workspace/`, what SuprSend's own CLI calls; described in
 * api/suprsend-workspace.openapi.yaml, not on SuprSend's reference pages). Read as tolerantly as
 * the key listing: every page however the server pages, never in a loop; a slug that could
 * steer a request elsewhere is skipped with a warning.
 */
import type { ClientDeps } from './types.js';
import { SuprSendFailure } from './failure.js';
import { isPathSegment, showId } from './ids.js';
import { fetchAllPages, PagingError, type Page } from './paging.js';
import { Requester, type Operation } from './requester.js';
import { readList } from './responses.js';
import type { Connection } from './types.js';

/** SuprSend's CLI asks for 50 a page. */
const WORKSPACE_PAGE = 50;

/** A workspace of the account: its slug, and its `mode` ('production', 'staging', …) when the listing says. */
export interface Workspace {
  slug: string;
  mode: string | undefined;
}

export async function listWorkspaces(connection: Connection, deps: ClientDeps): Promise<Workspace[]> {
  const api = new Requester(connection, deps, 'v1/workspace/', undefined);
  const op: Operation = { method: 'GET', path: '', what: "list the account's workspaces" };
  let all: Workspace[];
  try {
    all = await fetchAllPages(
      async (offset, limit): Promise<Page<Workspace>> => {
        const page = readList(
          await api.request({ ...op, query: { limit: String(limit), offset: String(offset) } }),
          api.failedRequest(op),
          offset,
          'slug'
        );
        const items = page.items.map((item) => ({
          slug: item.slug as string,
          mode: typeof item.mode === 'string' ? item.mode : undefined
        }));
        return { items, total: page.total };
      },
      (workspace) => workspace.slug,
      { pageSize: WORKSPACE_PAGE }
    );
  } catch (error) {
    if (error instanceof PagingError) throw new SuprSendFailure(api.failedRequest(op), { kind: 'paging', message: error.message });
    throw error;
  }
  return all.flatMap((workspace) => {
    const { slug } = workspace;
    if (isPathSegment(slug)) return [workspace];
    deps.warning(`Skipped a workspace the account lists: its slug ${showId(slug)} is not one (letters, digits, '-' and '_').`);
    return [];
  });
}
