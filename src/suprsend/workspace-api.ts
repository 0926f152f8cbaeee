/**
 * What every client of a workspace's credentials shares (API keys, signing keys, public keys): a
 * requester under `v1/{workspace}/{resource}/`, never for a slug that could steer a request, and a
 * listing read page by page however the server pages (src/suprsend/paging.ts).
 */
import { ActionError } from '../errors.js';
import { SuprSendFailure } from './failure.js';
import { isPathSegment, showId } from './ids.js';
import { forEachPage, PagingError } from './paging.js';
import { Requester, type Operation } from './requester.js';
import { readList } from './responses.js';
import type { ClientDeps, Connection } from './types.js';

/** An entry of a listing: its id is a non-empty string (readList checks it), the rest as the server sent it. */
export type Listed = Record<string, unknown> & { id: string };

export function workspaceRequester(connection: Connection, deps: ClientDeps, workspace: string, resource: string): Requester {
  if (!isPathSegment(workspace)) throw new ActionError(`Refusing to use workspace ${showId(workspace)}: not a workspace slug.`);
  return new Requester(connection, deps, `v1/${workspace}/${resource}/`, workspace);
}

/**
 * A listing's entries, each page handed to `onPage` in order as it is read, without duplicates;
 * `secretFields` are dropped from every entry. A listing that cannot be paged is a SuprSendFailure.
 */
export async function forEachListedPage(
  api: Requester,
  op: Operation,
  secretFields: readonly string[],
  onPage: (items: Listed[]) => void
): Promise<void> {
  try {
    await forEachPage(
      async (offset, limit) => {
        const response = await api.request({ ...op, query: { limit: String(limit), offset: String(offset) } });
        const page = readList(response, api.failedRequest(op), offset, 'id', secretFields);
        return { items: page.items as Listed[], total: page.total };
      },
      (item) => item.id,
      onPage
    );
  } catch (error) {
    if (error instanceof PagingError) throw new SuprSendFailure(api.failedRequest(op), { kind: 'paging', message: error.message });
    throw error;
  }
}

/**
 * One DELETE of `{segment}/` (a key's id, a signing key's uid); SuprSend not knowing it (404) is
 * reported, not thrown. A segment that could steer the request is refused with `refusal`, unsent.
 */
export async function deleteOne(api: Requester, segment: string, what: string, refusal: string): Promise<'deleted' | 'not-found'> {
  if (!isPathSegment(segment)) throw new ActionError(refusal);
  const response = await api.request({ method: 'DELETE', path: `${segment}/`, what }, [404]);
  return response.status === 404 ? 'not-found' : 'deleted';
}
