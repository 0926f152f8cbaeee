/**
 * The SuprSend management API for workspace API keys: create, list (every page),
 * disable. It owns auth, retries, response checking and the wording of errors; it
 * prints nothing but `debug` lines (method, URL, status, time), never headers or bodies.
 */
import { ActionError } from './errors.js';
import { TransportError, type HttpResponse, type Method, type Transport } from './http.js';
import { isPathSegment } from './ids.js';
import { fetchAllPages, PagingError, type Page } from './paging.js';
import { showText } from './redact.js';
import { backoffMs, MAX_RETRY_AFTER_MS, mayRetryStatus, mayRetryTransportFailure, parseRetryAfter } from './retry.js';
import { DEFAULT_BASE_URL, TOKEN_ENV, type Connection } from './settings.js';

export interface Actor {
  name?: string;
  email?: string;
}

/** A key as the API describes it; only `id` is relied on, the rest is read leniently. */
export interface ApiKey {
  id: string;
  name?: string;
  masked_api_key?: string;
  is_deleted?: boolean;
  created_at?: string | null;
  created_by?: Actor | null;
  [field: string]: unknown;
}

export interface CreatedKey {
  key: ApiKey;
  /** The full secret. Already passed to `onSecret` when this is returned. */
  secret: string;
}

export type DisableResult = 'disabled' | 'not-found';

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

/** What a request is for, in words an error message can use. */
interface Operation {
  method: Method;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  what: string;
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

  async createKey(name: string, description: string | undefined): Promise<CreatedKey> {
    const what = `create a key named ${JSON.stringify(name)} in workspace '${this.connection.workspace}'`;
    const body = description === undefined ? { name } : { name, description };
    const response = await this.request({ method: 'POST', path: '', body, what });
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      // Never quote this body: it may hold the secret.
      throw new ActionError(
        `SuprSend answered HTTP ${response.status} to ${what}, but not with JSON (${contentType(response)}), so the new key's secret could not be read. ` +
          `A key may have been created: look for it with command 'list' and name ${JSON.stringify(name)}, and disable it with command 'delete'. ` +
          this.baseUrlHint()
      );
    }
    const secret = isObject(parsed) && typeof parsed.api_key === 'string' && parsed.api_key !== '' ? parsed.api_key : undefined;
    if (secret !== undefined) this.deps.onSecret(secret);
    const id = isObject(parsed) && typeof parsed.id === 'string' && parsed.id !== '' ? parsed.id : undefined;
    if (secret === undefined || id === undefined) {
      const found = id === undefined ? `look for it with command 'list' and name ${JSON.stringify(name)}` : `its id is ${id}`;
      throw new ActionError(
        `SuprSend answered HTTP ${response.status} to ${what}, but the answer has no ${secret === undefined ? 'api_key' : 'id'}. ` +
          `The key was probably created, and its secret cannot be read again: ${found}; disable it with command 'delete' and run again.`
      );
    }
    if (!isPathSegment(id)) {
      throw new ActionError(
        `SuprSend answered HTTP ${response.status} to ${what} with a key id that is not one (${showText(id)}): ` +
          `letters, digits, '-' and '_' only, so that an id can never steer a request elsewhere. The action will not use it. ` +
          `A key named ${JSON.stringify(name)} was probably created and its secret cannot be read again: disable it in the SuprSend dashboard.`
      );
    }
    const { api_key: _secret, ...key } = parsed as ApiKey & { api_key: string };
    // Only the 'api-key' output may carry the secret: a preview that holds it is no preview.
    if (typeof key.masked_api_key === 'string' && key.masked_api_key.includes(secret)) delete key.masked_api_key;
    return { key: { ...key, id }, secret };
  }

  /** Every key of the workspace, disabled ones included, in the server's order, without duplicates. */
  async listKeys(): Promise<ApiKey[]> {
    const what = `list the keys of workspace '${this.connection.workspace}'`;
    try {
      const all = await fetchAllPages(
        (offset, limit) => this.fetchPage(offset, limit, what),
        (key) => key.id
      );
      // Filtered after paging: a skipped entry still counts for where the next page starts.
      return all.filter((key) => {
        if (isPathSegment(key.id)) return true;
        this.deps.warning(
          `Skipped a key listed in workspace '${this.connection.workspace}' (name ${showText(key.name)}): its id ${showText(key.id)} ` +
            `is not a key id (letters, digits, '-' and '_'), and the action never puts such a value in a request.`
        );
        return false;
      });
    } catch (error) {
      if (error instanceof PagingError) throw new ActionError(`Could not ${what}: ${error.message}.`);
      throw error;
    }
  }

  /** Disables one key. A key SuprSend does not know (404) is reported, not thrown. */
  async disableKey(id: string): Promise<DisableResult> {
    if (!isPathSegment(id)) throw new ActionError(`Refusing to disable key ${showText(id)}: not a key id (letters, digits, '-' and '_').`);
    const what = `disable key ${id} in workspace '${this.connection.workspace}'`;
    const response = await this.request({ method: 'DELETE', path: `${id}/`, what }, [404]);
    return response.status === 404 ? 'not-found' : 'disabled';
  }

  private async fetchPage(offset: number, limit: number, what: string): Promise<Page<ApiKey>> {
    const response = await this.request({ method: 'GET', path: '', query: { limit: String(limit), offset: String(offset) }, what });
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      throw new ActionError(
        `SuprSend's answer to ${what} is not JSON (${contentType(response)}${snippet(response.body)}). ${this.baseUrlHint()}`
      );
    }
    const results = isObject(parsed) ? parsed.results : undefined;
    if (!Array.isArray(results)) {
      throw new ActionError(`SuprSend's answer to ${what} has no 'results' list (offset ${offset}). ${this.baseUrlHint()}`);
    }
    const items: ApiKey[] = [];
    for (const [i, item] of results.entries()) {
      if (!isObject(item) || typeof item.id !== 'string' || item.id === '') {
        throw new ActionError(
          `SuprSend's answer to ${what} has an entry without an id (offset ${offset + i}); the listing cannot be trusted.`
        );
      }
      // A listing never carries secrets; drop one if a server sends it anyway.
      const { api_key: _secret, ...key } = item;
      items.push(key as ApiKey);
    }
    const meta = isObject(parsed) ? parsed.meta : undefined;
    const count = isObject(meta) ? meta.count : undefined;
    const total = typeof count === 'number' && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
    return { items, total };
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
        throw this.transportError(op, url, error, attempt);
      }
      this.deps.debug(`${op.method} ${url.href} -> ${response.status} in ${elapsed()}`);
      const { status } = response;
      if ((status >= 200 && status < 300) || accepted.includes(status)) return response;
      if (attempt < retries && mayRetryStatus(op.method, status)) {
        const asked = parseRetryAfter(response.headers['retry-after'], this.deps.now());
        if (asked !== undefined && asked > MAX_RETRY_AFTER_MS) {
          throw new ActionError(
            `SuprSend answered HTTP ${status} to ${op.what} and asked to wait ${Math.ceil(asked / 1000)} s before trying again (Retry-After), ` +
              `longer than the ${MAX_RETRY_AFTER_MS / 1000} s this action waits. Run the job again later.`
          );
        }
        await this.deps.sleep(asked ?? backoffMs(attempt, this.deps.random));
        continue;
      }
      throw this.statusError(op, response, attempt);
    }
  }

  private transportError(op: Operation, url: URL, error: TransportError, attempts: number): ActionError {
    const tried = attempts > 0 ? ` (${afterRetries(attempts)})` : '';
    const created = op.method === 'POST' && error.mayHaveReachedServer ? ` ${this.mayHaveCreated(op)}` : '';
    if (error.failure === 'timeout') {
      return new ActionError(
        `SuprSend did not answer in time to ${op.what}: ${error.message}${tried}, the deadline set by 'timeout-seconds' (${this.connection.timeoutMs / 1000}).${created} ` +
          `Raise 'timeout-seconds' if SuprSend is slow, or run again later.`
      );
    }
    if (error.failure === 'too-large') {
      return new ActionError(`SuprSend's answer to ${op.what} is too large: ${error.message}.${created} ${this.baseUrlHint()}`);
    }
    const where =
      error.failure === 'unreachable' ? `Could not reach SuprSend at ${url.host}` : `The connection to SuprSend at ${url.host} failed`;
    return new ActionError(
      `${where} to ${op.what}: ${error.message}${tried}.${created} ` +
        `Check 'base-url' (${this.connection.baseUrl.href}) and the runner's network; behind a proxy, set HTTPS_PROXY (and NO_PROXY).`
    );
  }

  private statusError(op: Operation, response: HttpResponse, attempts: number): ActionError {
    const { status } = response;
    const said = apiMessage(response);
    const http = `HTTP ${status}${said ? `: ${said}` : ''}`;
    const tried = attempts > 0 ? ` ${afterRetries(attempts)}` : '';
    const workspace = this.connection.workspace;
    if (status === 401) {
      return new ActionError(
        `SuprSend rejected the service token (${http}). Check the 'service-token' input (or ${TOKEN_ENV}): it must be a current service token ` +
          `from the SuprSend dashboard, Account Settings → Service Tokens.`
      );
    }
    if (status === 403) {
      return new ActionError(
        `The service token may not ${op.what} (${http}). Use a service token with access to workspace '${workspace}'.`
      );
    }
    if (status === 404) {
      return new ActionError(
        `Workspace '${workspace}' was not found (${http}). Check the 'workspace' input: it takes the workspace's slug, e.g. staging or production.` +
          (this.connection.baseUrl.href.startsWith(DEFAULT_BASE_URL) ? '' : ` ${this.baseUrlHint()}`)
      );
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.location;
      return new ActionError(
        `SuprSend answered ${op.what} with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}). The action does not follow redirects, ` +
          `so the service token is never sent anywhere else: set 'base-url' to the address that really serves the API.`
      );
    }
    if (status === 429) {
      return new ActionError(
        `SuprSend is limiting the request rate (${http})${tried}, so the action could not ${op.what}. Run fewer jobs at once against this workspace, or run again later.`
      );
    }
    const created = op.method === 'POST' && status >= 500 ? ` ${this.mayHaveCreated(op)}` : '';
    if (status >= 500) {
      return new ActionError(
        `SuprSend failed to ${op.what} (${http})${tried}. The fault is on SuprSend's side or a proxy's; run again later.${created}`
      );
    }
    if (status >= 400 && status < 500) return new ActionError(`SuprSend refused to ${op.what} (${http}).`);
    return new ActionError(`SuprSend gave an unexpected answer when asked to ${op.what} (${http}).`);
  }

  private mayHaveCreated(op: Operation): string {
    const name = isObject(op.body) && typeof op.body.name === 'string' ? op.body.name : '';
    return (
      `The request may have reached SuprSend, so a key named ${JSON.stringify(name)} may exist now (it was not sent again, to avoid a second key): ` +
      `check with command 'list' and name ${JSON.stringify(name)}, and disable any you do not want with command 'delete'.`
    );
  }

  private baseUrlHint(): string {
    return `Is 'base-url' (${this.connection.baseUrl.href}) the SuprSend management API? A proxy may be answering instead.`;
  }
}

function afterRetries(attempts: number): string {
  return `after ${attempts} ${attempts === 1 ? 'retry' : 'retries'}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function contentType(response: HttpResponse): string {
  return `content-type ${response.headers['content-type'] ?? 'not given'}, ${Buffer.byteLength(response.body)} bytes`;
}

/** The start of a body, as one line without markup (an HTML page's title): enough to recognise a proxy's page. */
function pageText(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1];
  const text = (title ?? body.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

function snippet(body: string): string {
  const text = pageText(body);
  return text === '' ? '' : `: "${text}"`;
}

/**
 * The API's own words about an error. Bodies vary: `message`, `detail` (a string or
 * a list), `error_code`, or only `code` and `message`; proxies send HTML or text.
 */
function apiMessage(response: HttpResponse): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return pageText(response.body);
  }
  if (!isObject(parsed)) return typeof parsed === 'string' ? parsed.slice(0, 300) : '';
  const parts: string[] = [];
  const add = (value: unknown): void => {
    const text = flatten(value);
    if (text !== '' && !parts.some((p) => p.includes(text))) parts.push(text);
  };
  add(parsed.message);
  add(parsed.detail);
  add(parsed.error);
  const code = typeof parsed.error_code === 'string' ? ` [${parsed.error_code}]` : '';
  const text = parts.join('; ');
  return (text.length > 300 ? `${text.slice(0, 300)}…` : text) + code;
}

/** How deep an error body is read: real ones nest two or three levels; a hostile one, without end. */
const MAX_ERROR_DEPTH = 8;

function flatten(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (depth >= MAX_ERROR_DEPTH) return Array.isArray(value) || isObject(value) ? '…' : '';
  if (Array.isArray(value))
    return value
      .map((v) => flatten(v, depth + 1))
      .filter((v) => v !== '')
      .join('; ');
  if (isObject(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${flatten(v, depth + 1)}`)
      .join('; ');
  }
  return '';
}
