/**
 * One operation against the management API, retried as is safe: auth, JSON headers, the
 * deadline, Retry-After. Shared by the workspace key client and the workspace directory.
 * Throws `SuprSendFailure`s (facts); prints nothing but `debug` lines.
 */
import type { HttpResponse, Method } from '../net/http.js';
import { send, SendFailure, type Sent } from '../net/send.js';
import type { ClientDeps } from './types.js';
import { apiMessage } from './responses.js';
import { SuprSendFailure, type FailedRequest, type MadeWords } from './failure.js';
import type { Connection } from './types.js';

/** One request: what it is for, and where below the root. */
export interface Operation {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  what: string;
  keyName?: string;
  made?: MadeWords;
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
    const fail = (facts: ConstructorParameters<typeof SuprSendFailure>[1]): SuprSendFailure =>
      new SuprSendFailure(this.failedRequest(op), facts);
    let sent: Sent;
    try {
      sent = await send(
        { method: op.method, url, headers, body, timeoutMs: this.connection.timeoutMs },
        { retries: this.connection.retries },
        this.deps
      );
    } catch (error) {
      if (!(error instanceof SendFailure)) throw error;
      const { facts } = error;
      if (facts.kind === 'retry-after') {
        throw fail({ kind: 'retry-after', status: facts.response.status, waitMs: facts.waitMs, maxWaitMs: facts.maxWaitMs });
      }
      const { failure, message, mayHaveReachedServer } = facts.error;
      throw fail({ kind: 'transport', failure, message, retries: facts.retries, mayHaveReachedServer });
    }
    const { response, retries } = sent;
    const { status } = response;
    if ((status >= 200 && status < 300) || accepted.includes(status)) return response;
    const location = response.headers.location;
    throw fail({ kind: 'status', status, apiMessage: apiMessage(response), retries, ...(location ? { location } : {}) });
  }

  failedRequest(op: Operation): FailedRequest {
    const { baseUrl, timeoutMs } = this.connection;
    return {
      method: op.method,
      what: op.what,
      ...(this.workspace === undefined ? {} : { workspace: this.workspace }),
      baseUrl,
      timeoutMs,
      ...(op.keyName === undefined ? {} : { keyName: op.keyName }),
      ...(op.made === undefined ? {} : { made: op.made })
    };
  }
}
