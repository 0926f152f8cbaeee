/**
 * Reads every page of a limit/offset listing: the first page alone (it tells the
 * total), then the rest concurrently with a bounded number in flight. Pages are handed
 * on in order as soon as those before them are in, without duplicates, so a caller
 * never needs the whole listing in memory. Safe against servers that ignore paging
 * (pages repeat), lie about the total (pages run short or empty), or never end (a hard cap).
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

export interface PagingOptions {
  pageSize?: number;
  concurrency?: number;
  maxItems?: number;
}

export class PagingError extends Error {
  override name = 'PagingError';
}

/** Every item of the listing, in order, without duplicates. */
export async function fetchAllPages<T>(fetchPage: FetchPage<T>, idOf: (item: T) => string, options: PagingOptions = {}): Promise<T[]> {
  const all: T[] = [];
  await forEachPage(fetchPage, idOf, (items) => all.push(...items), options);
  return all;
}

/**
 * Hands `onItems` each page's items in the listing's order, duplicates removed, as soon as
 * every page before it is in; a page that came early waits, and no more than `2 × concurrency`
 * pages are asked for past the last one handed on, however slow that one is.
 * If `onItems` throws, paging stops and the error is thrown once the requests in flight end.
 * On a PagingError some pages may already have been handed on: the caller drops them.
 */
export async function forEachPage<T>(
  fetchPage: FetchPage<T>,
  idOf: (item: T) => string,
  onItems: (items: T[]) => void,
  options: PagingOptions = {}
): Promise<void> {
  const limit = options.pageSize ?? PAGE_SIZE;
  const concurrency = options.concurrency ?? PAGE_CONCURRENCY;
  const maxItems = options.maxItems ?? MAX_ITEMS;
  const seen = new Set<string>();
  const hand = (items: T[]): void => {
    const fresh = items.filter((item) => {
      const id = idOf(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    if (fresh.length > 0) onItems(fresh);
  };

  const first = await fetchPage(0, limit);
  // The server may serve fewer than asked per page: step by what it really serves.
  const step = first.items.length;
  const total = first.total;
  if (step === 0 || (total !== undefined && total <= step) || (total === undefined && step < limit)) {
    hand(first.items);
    return;
  }
  if (total !== undefined && total > maxItems) {
    throw new PagingError(`the server reports ${total} items, more than the ${maxItems} this action reads`);
  }
  const firstIds = new Set(first.items.map(idOf));
  hand(first.items);

  // Offsets are handed out in order while no page has shown the end; at most
  // `concurrency` requests are wasted past the end when the total is unknown or lies.
  let nextIndex = 1;
  let endIndex = Number.POSITIVE_INFINITY;
  const lastIndex = total === undefined ? Math.floor(maxItems / step) : Math.ceil(total / step) - 1;
  // Pages in before an earlier one, by index; `handed` is the next index to hand on.
  const early = new Map<number, T[]>();
  let handed = 1;
  let failure: { error: unknown } | undefined;
  // Workers waiting for the pages before theirs to be handed on, woken by each arrival and failure.
  let waiting: (() => void)[] = [];
  const wake = (): void => {
    const woken = waiting;
    waiting = [];
    for (const resume of woken) resume();
  };

  const arrive = (index: number, page: Page<T>): void => {
    const isEnd = page.items.length < step || page.items.every((item) => firstIds.has(idOf(item)));
    if (isEnd) endIndex = Math.min(endIndex, index);
    early.set(index, page.items);
    // A page past the end is never handed on: pages are handed in order, and the end is known on arrival.
    for (let items = early.get(handed); items !== undefined && handed <= endIndex; items = early.get(handed)) {
      early.delete(handed);
      handed++;
      hand(items);
    }
    for (const index of early.keys()) if (index > endIndex) early.delete(index);
  };

  // Read through a function: another worker may fail while this one awaits its page.
  const failed = (): boolean => failure !== undefined;

  const worker = async (): Promise<void> => {
    while (!failed() && nextIndex <= lastIndex && nextIndex < endIndex) {
      // One slow page must not let the others run ahead without bound, each held until it is handed on:
      // at most `2 × concurrency` pages are asked for past the last one handed on.
      if (nextIndex - handed >= 2 * concurrency) {
        await new Promise<void>((resume) => waiting.push(resume));
        continue;
      }
      const index = nextIndex++;
      try {
        const page = await fetchPage(index * step, limit);
        // Nothing is handed on after a failure: the caller is about to drop what it got.
        if (!failed()) arrive(index, page);
      } catch (error) {
        // The first failure stops every worker from taking more pages; it is thrown once all have stopped.
        failure ??= { error };
      } finally {
        wake();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure !== undefined) throw failure.error;

  if (endIndex === Number.POSITIVE_INFINITY && total === undefined) {
    throw new PagingError(`the listing did not end after ${maxItems} items; the server's paging never ends`);
  }
}
