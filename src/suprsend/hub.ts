/**
 * Does a new key work? One read-only request to SuprSend's hub API with it, the way an
 * application would use it (`GET /v1/tenant/?limit=1`, `Authorization: Bearer <key>`; described
 * in api/suprsend-hub-key-check.openapi.yaml; the body is not kept), through the same guarded
 * sending as every other request. A new key may take seconds to be accepted: a 401 or 403 is
 * asked again, for up to KEY_CHECK_WINDOW_MS in all. Throws a `KeyCheckFailure` (facts).
 */
import type { TransportFailure } from '../net/http.js';
import { send, SendFailure, type SendDeps } from '../net/send.js';

/** How long a new key is given to be accepted by the hub. */
export const KEY_CHECK_WINDOW_MS = 30_000;
/** How long to wait between two checks of a key the hub does not accept yet. */
const KEY_CHECK_INTERVAL_MS = 2_000;

export type KeyCheckFacts =
  /** The hub kept refusing the key (401 or 403) for the whole window. */
  | { kind: 'refused'; status: number; attempts: number; windowMs: number }
  /** The hub answered something else (a 404 from a wrong hub-url, a 5xx after the retries). */
  | { kind: 'status'; status: number }
  /** No answer from the hub. */
  | { kind: 'transport'; failure: TransportFailure; message: string }
  | { kind: 'retry-after'; waitMs: number };

export class KeyCheckFailure extends Error {
  override name = 'KeyCheckFailure';
  constructor(
    readonly hubUrl: URL,
    readonly facts: KeyCheckFacts
  ) {
    super(`the key check at ${hubUrl.href} failed (${facts.kind})`);
  }
}

export interface KeyCheck {
  hubUrl: URL;
  timeoutMs: number;
  retries: number;
}

export async function verifyKey(secret: string, check: KeyCheck, deps: SendDeps & { userAgent: string }): Promise<void> {
  const url = new URL(`${check.hubUrl.origin}${check.hubUrl.pathname.replace(/\/+$/, '')}/v1/tenant/`);
  url.searchParams.set('limit', '1');
  const headers = { Authorization: `Bearer ${secret}`, Accept: 'application/json', 'User-Agent': deps.userAgent };
  const started = deps.now().getTime();
  for (let attempt = 1; ; attempt++) {
    let status: number;
    try {
      ({
        response: { status }
      } = await send({ method: 'GET', url, headers, timeoutMs: check.timeoutMs }, { retries: check.retries }, deps));
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      const { facts } = error;
      throw new KeyCheckFailure(
        check.hubUrl,
        facts.kind === 'retry-after'
          ? { kind: 'retry-after', waitMs: facts.waitMs }
          : { kind: 'transport', failure: facts.error.failure, message: facts.error.message }
      );
    }
    if (status >= 200 && status < 300) return;
    if (status !== 401 && status !== 403) throw new KeyCheckFailure(check.hubUrl, { kind: 'status', status });
    const elapsed = deps.now().getTime() - started;
    if (elapsed + KEY_CHECK_INTERVAL_MS > KEY_CHECK_WINDOW_MS) {
      throw new KeyCheckFailure(check.hubUrl, { kind: 'refused', status, attempts: attempt, windowMs: KEY_CHECK_WINDOW_MS });
    }
    deps.debug(`the hub refused the new key (HTTP ${status}) after ${elapsed} ms; asking again in ${KEY_CHECK_INTERVAL_MS} ms`);
    await deps.sleep(KEY_CHECK_INTERVAL_MS);
  }
}
