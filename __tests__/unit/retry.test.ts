import { describe, expect, it } from '@jest/globals';
import { backoffMs, MAX_BACKOFF_MS, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter } from '../../src/net/retry.js';

describe('retry policy', () => {
  it('retries idempotent requests on 408, 429 and 5xx only', () => {
    for (const method of ['GET', 'DELETE'] as const) {
      expect([408, 429, 500, 502, 503, 599].every((s) => mayRetryStatus(method, s))).toBe(true);
      expect([400, 401, 403, 404, 409, 301].some((s) => mayRetryStatus(method, s))).toBe(false);
    }
  });

  it('repeats a POST only when the server refused it unprocessed (429)', () => {
    expect(mayRetryStatus('POST', 429)).toBe(true);
    expect([408, 500, 502, 503, 504].some((s) => mayRetryStatus('POST', s))).toBe(false);
    expect(mayRetryTransportFailure('POST', true)).toBe(false);
    expect(mayRetryTransportFailure('POST', false)).toBe(true);
    expect(mayRetryTransportFailure('GET', true)).toBe(true);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, () => 0)).toBe(250);
    expect(backoffMs(0, () => 1)).toBe(500);
    expect(backoffMs(3, () => 1)).toBe(4000);
    expect(backoffMs(30, () => 1)).toBe(MAX_BACKOFF_MS);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['3', '9'], now)).toBe(3000);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
