/**
 * A fake SuprSend management API for workspace API keys and the account's workspaces, on loopback. It behaves
 * like the real one as far as it is documented (api/, and the hub's key check), and lets tests
 * script everything else: faults, latency, paging quirks, keys of known ages.
 * Node builtins only: it ships inside dist/demo for `npm run demo`.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MockCredentials } from './mock-credentials.js';
import { send, trickle } from './mock-http.js';

export interface MockKey {
  id: string;
  masked_api_key: string;
  is_deleted: boolean;
  name: string;
  description: string | null;
  allowed_domains: string[];
  created_at: string | null;
  created_by: { name: string; email: string } | null;
  deleted_at: string | null;
  deleted_by: { name: string; email: string } | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a scripted fault does instead of the normal answer. */
export type Fault =
  | { status: number; headers?: Record<string, string>; body?: string }
  | { reset: true }
  /** Never answer (the client's deadline must end it). */
  | { hang: true }
  /** Send headers, then the body a few bytes at a time, `intervalMs` apart. */
  | { trickle: string; intervalMs: number }
  /** Do the real work, then drop the connection instead of answering (a lost answer). */
  | { processThenReset: true };

export interface MockOptions {
  /** The service token the server accepts. */
  token?: string;
  /** Workspaces that exist; others answer 404. */
  workspaces?: string[];
  /** Delay before every answer, in ms; or per request, to make pages answer out of order. */
  latencyMs?: number | ((request: RecordedRequest) => number);
  /** Most keys a page holds, whatever `limit` asks. */
  maxPageSize?: number;
  /** Answer every page as if offset were 0 (a server that ignores paging). */
  ignorePaging?: boolean;
  /** Report this as meta.count instead of the truth (a server that lies). */
  countOverride?: number | null;
  /** Port on 127.0.0.1; a free one when not given. */
  port?: number;
  /** Serve the API under this path prefix, as a proxy would (e.g. '/suprsend'). */
  prefix?: string;
  /** Return a fault for the nth request (0-based, counted over all requests), or undefined to answer normally. */
  fault?: (request: RecordedRequest, n: number) => Fault | undefined;
  /** The hub's key check (GET /v1/tenant/): a new key is refused (401) until this long after its creation; Infinity: always. */
  hubAcceptsAfterMs?: number;
}

export interface MockServer {
  url: string;
  requests: RecordedRequest[];
  /** Keys per workspace, in creation order. */
  keys: Map<string, MockKey[]>;
  /** Most requests that were being answered at one time. */
  peakInFlight: number;
  /** Secrets handed out by create, in order. */
  secrets: string[];
  addKey(workspace: string, key: Partial<MockKey> & { name: string }): MockKey;
  /** Answers a request in process, without a socket, latency or faults (recorded like the others): for in-process tests. */
  answer(request: RecordedRequest): { status: number; body?: unknown };
  /** Signing keys and public keys, per workspace (tools/mock-credentials.ts). */
  credentials: MockCredentials;
  close(): Promise<void>;
}

export const MOCK_TOKEN = 'mock-service-token';
const CREATOR = { name: 'System User', email: 'org_mock@systemuser.suprsend.com' };

export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  const token = options.token ?? MOCK_TOKEN;
  const keys = new Map<string, MockKey[]>((options.workspaces ?? ['staging', 'production']).map((w) => [w, []]));
  const sockets = new Set<import('node:net').Socket>();
  let inFlight = 0;

  // Every secret handed out (API keys, signing keys' private material): what the tests' leak checks read.
  const secrets: string[] = [];
  const state: MockServer = {
    url: '',
    requests: [],
    keys,
    peakInFlight: 0,
    secrets,
    credentials: new MockCredentials(secrets),
    answer: (request) => {
      state.requests.push(request);
      return handle(request);
    },
    addKey(workspace, fields) {
      const list = keys.get(workspace);
      if (!list) throw new Error(`mock: no workspace ${workspace}`);
      const id = fields.id ?? `ws_apik_${randomBytes(8).toString('hex')}`;
      const key: MockKey = {
        id,
        masked_api_key: `SS.${id.slice(-7)}*****`,
        is_deleted: false,
        description: null,
        allowed_domains: [],
        created_at: new Date().toISOString(),
        created_by: CREATOR,
        deleted_at: null,
        deleted_by: null,
        ...fields
      };
      list.push(key);
      return key;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      })
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://mock');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      };
      const n = state.requests.push(recorded) - 1;
      inFlight++;
      state.peakInFlight = Math.max(state.peakInFlight, inFlight);
      const done = (): void => {
        inFlight--;
      };
      res.on('close', done);
      const answer = (): void => {
        const fault = options.fault?.(recorded, n);
        if (fault === undefined) {
          send(res, handle(recorded));
          return;
        }
        if ('reset' in fault) return void req.socket.destroy();
        if ('hang' in fault) return;
        if ('processThenReset' in fault) {
          handle(recorded);
          return void req.socket.destroy();
        }
        if ('trickle' in fault) {
          trickle(res, fault.trickle, fault.intervalMs);
          return;
        }
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.body ?? '');
      };
      const latency = typeof options.latencyMs === 'function' ? options.latencyMs(recorded) : options.latencyMs;
      if (latency) setTimeout(answer, latency);
      else answer();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  /** Each secret handed out, with its key and when: what the hub's key check reads. */
  const issued = new Map<string, { key: MockKey; at: number }>();

  function handle(req: RecordedRequest): { status: number; body?: unknown } {
    // The hub API (hub-url; the same server here): the key check, `Authorization: Bearer <API key>`.
    if (req.path === '/v1/tenant/' && req.headers.authorization?.startsWith('Bearer ')) {
      const found = issued.get(req.headers.authorization.slice('Bearer '.length));
      const accepted = found !== undefined && !found.key.is_deleted && Date.now() - found.at >= (options.hubAcceptsAfterMs ?? 0);
      const tenants = { meta: { count: 1, limit: 1, offset: 0 }, results: [{ tenant_id: 'default' }] };
      return accepted ? { status: 200, body: tenants } : error(401, 'authentication_failed', 'AuthenticationFailed', 'Invalid API key.');
    }
    if (req.headers.authorization !== `ServiceToken ${token}`) {
      return error(401, 'authentication_failed', 'AuthenticationFailed', 'Invalid service token.');
    }
    const prefix = options.prefix ?? '';
    const path = req.path.startsWith(`${prefix}/`) ? req.path.slice(prefix.length) : '';
    if (path === '/v1/workspace/' && req.method === 'GET') {
      // The account's workspaces, in creation order, paged like the key listing.
      const all = [...keys.keys()];
      const limit = clamp(Number(req.query.limit ?? 10), 1, options.maxPageSize ?? 1000);
      const offset = Math.max(0, Number(req.query.offset ?? 0));
      const results = all.slice(offset, offset + limit).map((slug, i) => ({
        uid: `ws_mock_${offset + i}`,
        slug,
        name: slug.charAt(0).toUpperCase() + slug.slice(1),
        description: '',
        mode: slug === 'production' ? 'production' : 'staging',
        is_expired: false,
        has_limit_reached: false
      }));
      return { status: 200, body: { meta: { count: all.length, limit, offset }, results } };
    }
    const credential = /^\/v1\/([^/]+)\/(ws_signing_key|ws_public_key)\/(.*)$/.exec(path);
    if (credential !== null && keys.has(credential[1] ?? '')) {
      const [, workspace = '', kind, rest = ''] = credential;
      return state.credentials.answer(kind as 'ws_signing_key', workspace, req.method, rest.split('/').filter(Boolean), req.body);
    }
    const match = /^\/v1\/([^/]+)\/ws_api_key\/(?:([^/]+)\/)?$/.exec(path);
    if (!match) return error(404, 'not_found', 'NotFound', `no route for ${req.path}`);
    const [, workspace = '', keyId] = match;
    const list = keys.get(workspace);
    if (!list) return error(404, 'not_found', 'NotFound', `workspace '${workspace}' not found`);

    if (req.method === 'GET' && keyId === undefined) {
      const limit = clamp(Number(req.query.limit ?? 10), 1, options.maxPageSize ?? 1000);
      const offset = options.ignorePaging ? 0 : Math.max(0, Number(req.query.offset ?? 0));
      const count = options.countOverride === undefined ? list.length : options.countOverride;
      return { status: 200, body: { meta: { count, limit, offset }, results: list.slice(offset, offset + limit) } };
    }
    if (req.method === 'POST' && keyId === undefined) {
      let body: unknown;
      try {
        body = JSON.parse(req.body);
      } catch {
        return error(400, 'validation_error', 'ValidationError', 'body is not JSON');
      }
      const fields = body as { name?: unknown; description?: unknown };
      if (typeof fields.name !== 'string' || fields.name === '') {
        return error(400, 'validation_error', 'ValidationError', 'name is required');
      }
      const secret = `SS.${randomBytes(32).toString('base64url')}`;
      state.secrets.push(secret);
      const key = state.addKey(workspace, {
        name: fields.name,
        description: typeof fields.description === 'string' ? fields.description : null,
        masked_api_key: `${secret.slice(0, 10)}*****`
      });
      issued.set(secret, { key, at: Date.now() });
      return { status: 201, body: { ...key, api_key: secret } };
    }
    if (req.method === 'DELETE' && keyId !== undefined) {
      const key = list.find((k) => k.id === keyId);
      if (!key) return error(404, 'not_found', 'NotFound', `api key '${keyId}' not found`);
      key.is_deleted = true;
      key.deleted_at ??= new Date().toISOString();
      key.deleted_by ??= CREATOR;
      return { status: 204 };
    }
    return error(405, 'method_not_allowed', 'MethodNotAllowed', `${req.method} not allowed`);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function error(code: number, errorCode: string, type: string, message: string): { status: number; body: unknown } {
  return { status: code, body: { code, error_code: errorCode, type, message, detail: message } };
}

function clamp(n: number, min: number, max: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : min;
}
