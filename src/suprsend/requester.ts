/**
 * One operation against the management API, retried as is safe: auth, JSON headers, the
 * deadline, Retry-After. Shared by the workspace key client and the workspace directory.
 * Throws `SuprSendFailure`s (facts); prints nothing but `debug` lines.
 */
import { TransportError, type HttpResponse, type Method } from '../net/http.js';
import { backoffMs, MAX_RETRY_AFTER_MS, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter } from '../net/retry.js';
import type { ClientDeps } from './client.js';
import { apiMessage } from './responses.js';
import { SuprSendFailure, type FailedRequest } from './failure.js';
import type { Connection } from './types.js';

/** One request: what it is for, and where below the root. */
export interface Operation {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  what: string;
  keyName?: string;
}

export class Requester {
  private readonly root: string;

  /** `path` is below the API root, e.g. `v1/staging/ws_api_key/`; `workspace` names it in failures, when there is one. */
  constructor(
    private readonly connection: Connection,
    private readonly deps: ClientDeps,
    path: string,
    private readonly workspace: string | undefined
  ) {
    const base = connection.baseUrl;
    this.root = `${base.origin}${base.pathname.replace(/\/+$/, '')}/${path}`;
  }

  /** Sends one operation, retrying what is safe to retry; returns a 2xx (or an `accepted`) response. */
  async request(op: Operation, accepted: number[] = []): Promise<HttpResponse> {
    const url = new URL(this.root + op.path);
    for (const [key, value] of Object.entries(op.query ?? {})) url.searchParams.set(key, value);
    // As SuprSend's own examples send them, on every request.
    const headers: Record<string, string> = {
      Authorization: `ServiceToken ${this.connection.token}`,
      Accept: 'application/json',
      'Content-Type': 'application/json',
      'User-Agent': this.deps.userAgent
    };
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    const retries = this.connection.retries;
    const fail = (facts: ConstructorParameters<typeof SuprSendFailure>[1]): SuprSendFailure =>
      new SuprSendFailure(this.failedRequest(op), facts);

    for (let attempt = 0; ; attempt++) {
      const started = this.deps.now().getTime();
      const elapsed = (): string => `${this.deps.now().getTime() - started} ms`;
      let response: HttpResponse;
      try {
        response = await this.deps.transport({ method: op.method, url, headers, body, timeoutMs: this.connection.timeoutMs });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        this.deps.debug(`${op.method} ${url.href} failed after ${elapsed()}: ${error.message}`);
        if (attempt < retries && mayRetryTransportFailure(op.method, error.mayHaveReachedServer)) {
          await this.deps.sleep(backoffMs(attempt, this.deps.random));
          continue;
        }
        throw fail({
          kind: 'transport',
          failure: error.failure,
          message: error.message,
          retries: attempt,
          mayHaveReachedServer: error.mayHaveReachedServer
        });
      }
      this.deps.debug(`${op.method} ${url.href} -> ${response.status} in ${elapsed()}`);
      const { status } = response;
      if ((status >= 200 && status < 300) || accepted.includes(status)) return response;
      if (attempt < retries && mayRetryStatus(op.method, status)) {
        const asked = parseRetryAfter(response.headers['retry-after'], this.deps.now());
        if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
          throw fail({ kind: 'retry-after', status, waitMs: asked, maxWaitMs: MAX_RETRY_AFTER_MS });
        }
        await this.deps.sleep(asked ?? backoffMs(attempt, this.deps.random));
        continue;
      }
      const location = response.headers.location;
      throw fail({ kind: 'status', status, apiMessage: apiMessage(response), retries: attempt, ...(location ? { location } : {}) });
    }
  }

  failedRequest(op: Operation): FailedRequest {
    const { baseUrl, timeoutMs } = this.connection;
    return {
      method: op.method,
      what: op.what,
      ...(this.workspace === undefined ? {} : { workspace: this.workspace }),
      baseUrl,
      timeoutMs,
      ...(op.keyName === undefined ? {} : { keyName: op.keyName })
    };
  }
}
