/**
 * Reads every page of a limit/offset listing: the first page alone (it tells the
 * total), then the rest concurrently with a bounded number in flight, results kept
 * in order. Safe against servers that ignore paging (pages repeat), lie about the
 * total (pages run short or empty), or never end (a hard cap).
 */

/**
 * Pages in flight at once after the first. 10 brings 5,000 keys at 100 a page to 6
 * round trips instead of 50, while one job never holds more than 10 requests open
 * against a shared management API (about what a browser opens to one host).
 */
export const PAGE_CONCURRENCY = 10;
/** Keys asked for per page. */
export const PAGE_SIZE = 100;
/** No workspace has this many API keys; a listing that goes past it is a server that never stops. */
export const MAX_ITEMS = 100_000;

export interface Page<T> {
  items: T[];
  /** The total the server reports (`meta.count`), when it does. */
  total: number | undefined;
}

export type FetchPage<T> = (offset: number, limit: number) => Promise<Page<T>>;

export class PagingError extends Error {
  override name = 'PagingError';
}

export async function fetchAllPages<T>(
  fetchPage: FetchPage<T>,
  idOf: (item: T) => string,
  options: { pageSize?: number; concurrency?: number; maxItems?: number } = {}
): Promise<T[]> {
  const limit = options.pageSize ?? PAGE_SIZE;
  const concurrency = options.concurrency ?? PAGE_CONCURRENCY;
  const maxItems = options.maxItems ?? MAX_ITEMS;

  const first = await fetchPage(0, limit);
  const firstIds = new Set(first.items.map(idOf));
  // The server may serve fewer than asked per page: step by what it really serves.
  const step = first.items.length;
  const total = first.total;
  if (step === 0 || (total !== undefined && total <= step) || (total === undefined && step < limit)) {
    return dedupe(first.items, idOf);
  }
  if (total !== undefined && total > maxItems) {
    throw new PagingError(`the server reports ${total} items, more than the ${maxItems} this action reads`);
  }

  // Offsets are handed out in order while no page has shown the end; at most
  // `concurrency` requests are wasted past the end when the total is unknown or lies.
  const pages: T[][] = [first.items];
  let nextIndex = 1;
  let endIndex = Number.POSITIVE_INFINITY;
  const lastIndex = total === undefined ? Math.floor(maxItems / step) : Math.ceil(total / step) - 1;

  let failure: { error: unknown } | undefined;

  const worker = async (): Promise<void> => {
    while (failure === undefined && nextIndex <= lastIndex && nextIndex < endIndex) {
      const index = nextIndex++;
      try {
        const page = await fetchPage(index * step, limit);
        pages[index] = page.items;
        const isEnd = page.items.length < step || page.items.every((item) => firstIds.has(idOf(item)));
        if (isEnd) endIndex = Math.min(endIndex, index);
      } catch (error) {
        // The first failure stops every worker from taking more pages; it is thrown once all have stopped.
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure !== undefined) throw failure.error;

  if (endIndex === Number.POSITIVE_INFINITY && total === undefined) {
    throw new PagingError(`the listing did not end after ${maxItems} items; the server's paging never ends`);
  }
  const upTo = Math.min(endIndex, lastIndex);
  return dedupe(pages.slice(0, upTo + 1).flat(), idOf);
}

function dedupe<T>(items: T[], idOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
