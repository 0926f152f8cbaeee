/**
 * The SuprSend management API for workspace API keys: create, list (every page),
 * disable. It owns auth, retries, paging and response checking; it prints nothing but
 * `debug` lines (method, URL, status, time), never headers or bodies, and throws
 * `SuprSendFailure`s: facts, worded for the user elsewhere (`src/report/explain.ts`).
 */
import { ActionError } from '../errors.js';
import { TransportError, type HttpResponse, type Method, type Transport } from '../net/http.js';
import { backoffMs, MAX_RETRY_AFTER_MS, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter } from '../net/retry.js';
import { SuprSendFailure, type FailedRequest } from './failure.js';
import { isPathSegment, showId } from './ids.js';
import { fetchAllPages, PagingError } from './paging.js';
import { apiMessage, readCreated, readPage } from './responses.js';
import type { ApiKey, Connection, CreatedKey, DisableResult } from './types.js';

export interface ClientDeps {
  transport: Transport;
  debug: (message: string) => void;
  /** Something the user should know that does not stop the command (an entry skipped). */
  warning: (message: string) => void;
  /** Called with a secret the moment it is parsed, before anything else happens. */
  onSecret: (secret: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
  userAgent: string;
}

/** One request: what it is for, and where. */
interface Operation {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  what: string;
  keyName?: string;
}

export class SuprSendClient {
  private readonly root: string;

  constructor(
    private readonly connection: Connection,
    private readonly deps: ClientDeps
  ) {
    const base = connection.baseUrl;
    this.root = `${base.origin}${base.pathname.replace(/\/+$/, '')}/v1/${connection.workspace}/ws_api_key/`;
  }

  get workspace(): string {
    return this.connection.workspace;
  }

  async createKey(name: string, description: string | undefined): Promise<CreatedKey> {
    const what = `create a key named ${JSON.stringify(name)} in workspace '${this.workspace}'`;
    const body = description === undefined ? { name } : { name, description };
    const op: Operation = { method: 'POST', path: '', body, what, keyName: name };
    const response = await this.request(op);
    return readCreated(response, this.failedRequest(op), this.deps.onSecret);
  }

  /**
   * Every key of the workspace, disabled ones included, in the server's order, without
   * duplicates. An entry whose id could steer a request elsewhere is skipped with a warning.
   */
  async listKeys(): Promise<ApiKey[]> {
    const op: Operation = { method: 'GET', path: '', what: `list the keys of workspace '${this.workspace}'` };
    let all: ApiKey[];
    try {
      all = await fetchAllPages(
        async (offset, limit) =>
          readPage(await this.request({ ...op, query: { limit: String(limit), offset: String(offset) } }), this.failedRequest(op), offset),
        (key) => key.id
      );
    } catch (error) {
      if (error instanceof PagingError) throw new SuprSendFailure(this.failedRequest(op), { kind: 'paging', message: error.message });
      throw error;
    }
    // Filtered after paging: a skipped entry still counts for where the next page starts.
    return all.filter((key) => {
      if (isPathSegment(key.id)) return true;
      this.deps.warning(
        `Skipped a key listed in workspace '${this.workspace}' (name ${JSON.stringify(typeof key.name === 'string' ? key.name : '')}): ` +
          `its id ${showId(key.id)} is not a key id (letters, digits, '-' and '_'), and the action never puts such a value in a request.`
      );
      return false;
    });
  }

  /** Disables one key. A key SuprSend does not know (404) is reported, not thrown. */
  async disableKey(id: string): Promise<DisableResult> {
    if (!isPathSegment(id)) throw new ActionError(`Refusing to disable key ${showId(id)}: not a key id (letters, digits, '-' and '_').`);
    const what = `disable key ${id} in workspace '${this.workspace}'`;
    const response = await this.request({ method: 'DELETE', path: `${id}/`, what }, [404]);
    return response.status === 404 ? 'not-found' : 'disabled';
  }

  /** Sends one operation, retrying what is safe to retry; returns a 2xx (or an `accepted`) response. */
  private async request(op: Operation, accepted: number[] = []): Promise<HttpResponse> {
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

  private failedRequest(op: Operation): FailedRequest {
    const { workspace, baseUrl, timeoutMs } = this.connection;
    return {
      method: op.method,
      what: op.what,
      workspace,
      baseUrl,
      timeoutMs,
      ...(op.keyName === undefined ? {} : { keyName: op.keyName })
    };
  }
}
