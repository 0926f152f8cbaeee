/**
 * When to try a request again, and how long to wait first. Pure: no clock of its
 * own, no sleeping; the client asks and acts.
 */
import type { Method } from './http.js';

/** First backoff step; doubles on every attempt (with full jitter), up to MAX_BACKOFF_MS. */
export const BASE_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 10_000;
/**
 * Longest `Retry-After` the action honours. A server that asks for longer makes the
 * step fail with that figure rather than hold a runner (and its minutes) for it.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Statuses worth another try of an idempotent request. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/** GET, PUT and DELETE are idempotent: sending one twice does what sending it once does. */
export function isIdempotent(method: Method): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

/**
 * Whether a request that got `status` may be sent again. GET, PUT and DELETE are
 * idempotent. A POST mints something (a key, an issue) and a PATCH may build on what
 * it finds: they are repeated only when the server said it did not process them (429),
 * never after a 5xx, a reset or a timeout.
 */
export function mayRetryStatus(method: Method, status: number): boolean {
  if (!isIdempotent(method)) return status === 429;
  return isRetryableStatus(status);
}

/** Whether a request that failed in transit may be sent again. */
export function mayRetryTransportFailure(method: Method, mayHaveReachedServer: boolean): boolean {
  return isIdempotent(method) || !mayHaveReachedServer;
}

/** Exponential backoff with full jitter for attempt 0, 1, 2, … */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date.
 * Undefined when absent or unreadable (the caller falls back to backoff).
 */
export function parseRetryAfter(value: string | string[] | undefined, now: Date): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
