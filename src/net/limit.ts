/** A transport that keeps at most `limit` requests in flight, whoever sends them: one bound for a whole step. */
import type { Transport } from './http.js';

/** Requests in flight against SuprSend from one step, across every workspace and page: about what a browser opens to one host. */
export const MAX_IN_FLIGHT = 10;

export function limitInFlight(transport: Transport, limit: number): Transport {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (request) => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await transport(request);
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
