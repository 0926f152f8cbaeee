import { describe, expect, it } from '@jest/globals';
import { fetchAllPages, forEachPage, PagingError, type Page } from '../../src/suprsend/paging.js';

interface Item {
  id: string;
}
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `k${i}` }));

/** A fake server over `all`, recording offsets asked for and the most requests at once. */
function server(all: Item[], quirks: { maxPage?: number; ignoreOffset?: boolean; count?: number | null; fail?: number } = {}) {
  const offsets: number[] = [];
  let inFlight = 0;
  let peak = 0;
  const fetchPage = async (offset: number, limit: number): Promise<Page<Item>> => {
    offsets.push(offset);
    inFlight++;
    peak = Math.max(peak, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    if (quirks.fail !== undefined && offset === quirks.fail) throw new Error(`boom at ${offset}`);
    const from = quirks.ignoreOffset ? 0 : offset;
    const size = Math.min(limit, quirks.maxPage ?? limit);
    const total = quirks.count === null ? undefined : (quirks.count ?? all.length);
    return { items: all.slice(from, from + size), total };
  };
  return { fetchPage, offsets, peak: () => peak };
}

const idOf = (item: Item): string => item.id;

describe('fetchAllPages', () => {
  it('reads one page when everything fits', async () => {
    const s = server(items(40));
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100 })).toEqual(items(40));
    expect(s.offsets).toEqual([0]);
  });

  it('reads an empty listing with one request', async () => {
    const s = server([]);
    expect(await fetchAllPages(s.fetchPage, idOf)).toEqual([]);
    expect(s.offsets).toEqual([0]);
  });

  it('reads 5,000 items in 50 requests, in order, at most `concurrency` at once', async () => {
    const s = server(items(5000));
    const got = await fetchAllPages(s.fetchPage, idOf, { pageSize: 100, concurrency: 10 });
    expect(got).toEqual(items(5000));
    expect(s.offsets).toHaveLength(50);
    expect(new Set(s.offsets).size).toBe(50);
    expect(s.peak()).toBe(10);
  });

  it('steps by the page size the server really serves', async () => {
    const s = server(items(95), { maxPage: 30 });
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100 })).toEqual(items(95));
    expect(s.offsets.sort((a, b) => a - b)).toEqual([0, 30, 60, 90]);
  });

  it('stops when the server ignores paging and repeats the first page', async () => {
    const s = server(items(100), { ignoreOffset: true, count: 1000 });
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100, concurrency: 4 })).toEqual(items(100));
    expect(s.offsets.length).toBeLessThanOrEqual(1 + 4);
  });

  it('stops on an empty page when the count lies high, wasting at most `concurrency` requests', async () => {
    const s = server(items(250), { count: 1_000_00 - 1 });
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100, concurrency: 5 })).toEqual(items(250));
    expect(s.offsets.length).toBeLessThanOrEqual(3 + 5);
  });

  it('stops at the count when it lies low', async () => {
    const s = server(items(300), { count: 150 });
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100 })).toEqual(items(200));
    expect(s.offsets.sort((a, b) => a - b)).toEqual([0, 100]);
  });

  it('pages without a count until a short page', async () => {
    const s = server(items(230), { count: null });
    expect(await fetchAllPages(s.fetchPage, idOf, { pageSize: 100, concurrency: 3 })).toEqual(items(230));
  });

  it('gives up on a listing that never ends', async () => {
    const endless = (offset: number, limit: number): Promise<Page<Item>> =>
      Promise.resolve({
        items: Array.from({ length: limit }, (_, i) => ({ id: `k${offset + i}` })),
        total: undefined
      });
    await expect(fetchAllPages(endless, idOf, { pageSize: 100, maxItems: 2000 })).rejects.toThrow(PagingError);
  });

  it('refuses a count beyond the cap before asking for more pages', async () => {
    const s = server(items(100), { count: 10_000_000 });
    await expect(fetchAllPages(s.fetchPage, idOf, { pageSize: 100, maxItems: 100_000 })).rejects.toThrow(/10000000 items/);
    expect(s.offsets).toEqual([0]);
  });

  it('drops duplicates across pages', async () => {
    const all = [...items(100), ...items(100).slice(50), { id: 'new' }];
    const s = server(all);
    const got = await fetchAllPages(s.fetchPage, idOf, { pageSize: 100 });
    expect(got.map(idOf)).toEqual([...items(100).map(idOf), 'new']);
  });

  it('stops taking pages after the first failure, and throws it', async () => {
    const s = server(items(5000), { fail: 300 });
    await expect(fetchAllPages(s.fetchPage, idOf, { pageSize: 100, concurrency: 4 })).rejects.toThrow('boom at 300');
    expect(s.offsets.length).toBeLessThan(50);
  });
});

describe('forEachPage', () => {
  /** Page 0 at once, then the others in the order `order` gives (indexes), each once asked for; `events` tells what happened when. */
  function outOfOrder(all: Item[], order: number[], pageSize: number) {
    const events: string[] = [];
    const waiting = new Map<number, () => void>();
    let turn = 0;
    const release = (): void => {
      const index = order[turn] ?? -1;
      const answer = waiting.get(index);
      if (answer === undefined) return;
      turn++;
      events.push(`answer ${index}`);
      answer();
      setImmediate(release);
    };
    const fetchPage = (offset: number, limit: number): Promise<Page<Item>> =>
      new Promise((resolve) => {
        const index = offset / pageSize;
        const answer = (): void => {
          resolve({ items: all.slice(offset, offset + limit), total: all.length });
        };
        if (index === 0) {
          events.push('answer 0');
          answer();
        } else {
          waiting.set(index, answer);
          setImmediate(release);
        }
      });
    return { fetchPage, events };
  }

  it('hands pages on in the listing order, each as soon as those before it are in', async () => {
    const { fetchPage, events } = outOfOrder(items(500), [1, 3, 2, 4], 100);
    const handed: string[] = [];
    const onItems = (page: Item[]): void => {
      events.push(`hand ${Number(page[0]?.id.slice(1)) / 100}`);
      handed.push(...page.map(idOf));
    };
    await forEachPage(fetchPage, idOf, onItems, { pageSize: 100, concurrency: 4 });
    expect(events).toEqual(['answer 0', 'hand 0', 'answer 1', 'hand 1', 'answer 3', 'answer 2', 'hand 2', 'hand 3', 'answer 4', 'hand 4']);
    expect(handed).toEqual(items(500).map(idOf));
  });

  it('never hands on a page past the end, even one that came in early', async () => {
    // The count says 600; the listing really ends with the short page 2, and page 4 answers first.
    const all = items(250);
    const s = (offset: number, limit: number): Promise<Page<Item>> =>
      new Promise((resolve) => {
        const page = { items: offset === 400 ? items(450).slice(400) : all.slice(offset, offset + limit), total: 600 };
        if (offset === 400) resolve(page);
        else
          setImmediate(() =>
            setImmediate(() => {
              resolve(page);
            })
          );
      });
    const handed: Item[] = [];
    await forEachPage(s, idOf, (page) => handed.push(...page), { pageSize: 100, concurrency: 5 });
    expect(handed).toEqual(all);
  });

  it('stops paging when the receiver throws, and throws its error', async () => {
    const s = server(items(5000));
    let pages = 0;
    const onItems = (): void => {
      if (++pages === 3) throw new Error('disk full');
    };
    await expect(forEachPage(s.fetchPage, idOf, onItems, { pageSize: 100, concurrency: 4 })).rejects.toThrow('disk full');
    expect(pages).toBe(3);
    expect(s.offsets.length).toBeLessThan(50);
  });

  it('asks for at most 2 × concurrency pages past one that is slow, then finishes in order once it answers', async () => {
    const all = items(5000);
    const asked: number[] = [];
    let answerSlowPage: (() => void) | undefined;
    const fetchPage = (offset: number, limit: number): Promise<Page<Item>> => {
      asked.push(offset);
      const page = { items: all.slice(offset, offset + limit), total: all.length };
      if (offset === 100)
        return new Promise(
          (resolve) =>
            (answerSlowPage = () => {
              resolve(page);
            })
        );
      return new Promise((resolve) =>
        setImmediate(() => {
          resolve(page);
        })
      );
    };
    const handed: Item[] = [];
    const listing = forEachPage(fetchPage, idOf, (page) => handed.push(...page), { pageSize: 100, concurrency: 4 });
    // Far more turns of the event loop than 49 fast pages need: without a bound they would all be asked for.
    for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(asked).toHaveLength(1 + 2 * 4);
    expect(handed).toEqual(items(100));
    answerSlowPage?.();
    await listing;
    expect(handed).toEqual(all);
    expect(asked).toHaveLength(50);
  });
});
