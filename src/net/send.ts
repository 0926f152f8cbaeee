/**
 * One request sent under the action's guards, whoever it is for (SuprSend, GitHub): the
 * transport's deadline on the whole answer and its size cap, then the `retries` budget spent
 * only on what is safe to repeat (src/net/retry.ts), waiting what the server asks (Retry-After,
 * measured from when that answer arrived) up to MAX_RETRY_AFTER_MS, else backing off with jitter.
 * Returns the last answer, whatever its status: the caller decides what it means.
 */
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from './http.js';
import { backoffMs, MAX_RETRY_AFTER_MS, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter } from './retry.js';

export interface SendDeps {
  transport: Transport;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
  debug: (message: string) => void;
}

export interface SendPolicy {
  /** How many times a request may be sent again. */
  retries: number;
  /**
   * Whether this answer asks to be tried again, beyond the statuses every server shares
   * (408, 429, 5xx for an idempotent request): GitHub limits the rate with some 403s.
   */
  limitsRate?: (response: HttpResponse) => boolean;
  /** How long the server asked to wait, from when its answer arrived; by default its Retry-After. */
  askedWait?: (response: HttpResponse, arrived: Date) => number | undefined;
}

export interface Sent {
  response: HttpResponse;
  /** How many times it was sent again. */
  retries: number;
}

/** Gave up without an answer to hand back: the transport failed, or the server asked for too long a wait. */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    readonly facts:
      | { kind: 'transport'; error: TransportError; retries: number }
      | { kind: 'retry-after'; response: HttpResponse; waitMs: number; maxWaitMs: number }
  ) {
    super(facts.kind === 'transport' ? facts.error.message : `asked to wait ${facts.waitMs} ms`);
  }
}

export async function send(request: HttpRequest, policy: SendPolicy, deps: SendDeps): Promise<Sent> {
  const { method, url } = request;
  for (let attempt = 0; ; attempt++) {
    const started = deps.now().getTime();
    const elapsed = (): string => `${deps.now().getTime() - started} ms`;
    let response: HttpResponse;
    try {
      response = await deps.transport(request);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      deps.debug(`${method} ${url.href} failed after ${elapsed()}: ${error.message}`);
      if (attempt < policy.retries && mayRetryTransportFailure(method, error.mayHaveReachedServer)) {
        await deps.sleep(backoffMs(attempt, deps.random));
        continue;
      }
      throw new SendFailure({ kind: 'transport', error, retries: attempt });
    }
    const arrived = deps.now();
    deps.debug(`${method} ${url.href} -> ${response.status} in ${arrived.getTime() - started} ms`);
    const { status } = response;
    const again = mayRetryStatus(method, status) || (policy.limitsRate?.(response) ?? false);
    if (status >= 200 && status < 300) return { response, retries: attempt };
    if (!again || attempt >= policy.retries) return { response, retries: attempt };
    const asked = (policy.askedWait ?? retryAfter)(response, arrived);
    if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
      throw new SendFailure({ kind: 'retry-after', response, waitMs: asked, maxWaitMs: MAX_RETRY_AFTER_MS });
    }
    await deps.sleep(asked ?? backoffMs(attempt, deps.random));
  }
}

function retryAfter(response: HttpResponse, arrived: Date): number | undefined {
  return parseRetryAfter(response.headers['retry-after'], arrived);
}
