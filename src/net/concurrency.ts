export interface Settled<T, R> {
  item: T;
  outcome: PromiseSettledResult<R>;
}

/** Runs `task` over `items` with at most `limit` at once; every task runs to its end, results in input order. */
export async function settleAll<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<Settled<T, R>[]> {
  const queue = [...items.entries()];
  const results: Settled<T, R>[] = [];
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [index, item] = next;
      try {
        results[index] = { item, outcome: { status: 'fulfilled', value: await task(item) } };
      } catch (reason) {
        results[index] = { item, outcome: { status: 'rejected', reason } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
