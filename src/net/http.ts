/**
 * One HTTP request, nothing more: no retries, no JSON, no knowledge of SuprSend.
 * The deadline covers the whole exchange, body included, so a server that trickles
 * its answer cannot hold the step. Proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are
 * honoured through the agent `@actions/http-client` picks for the URL. Redirects are
 * returned, not followed: following one could carry the service token to another host.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { HttpClient } from '@actions/http-client';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: Method;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;

/** Largest body read; a larger one is an error, so a runaway server cannot exhaust memory. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type TransportFailure = 'timeout' | 'unreachable' | 'connection' | 'too-large';

/** A request that got no complete answer. */
export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    readonly failure: TransportFailure,
    message: string,
    /** False only when the request certainly never reached the server (no connection was made). */
    readonly mayHaveReachedServer: boolean,
    readonly code?: string
  ) {
    super(message);
  }
}

/** Error codes that mean no connection was ever made, so the server saw nothing. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Makes a transport whose sockets are kept alive and reused across requests (paging), proxy-aware. */
export function createTransport(userAgent: string): Transport & { close(): void } {
  const client = new HttpClient(userAgent, [], { keepAlive: true, allowRetries: false, allowRedirects: false });
  const agents = new Set<http.Agent>();

  const transport = (request: HttpRequest): Promise<HttpResponse> => {
    const agent = client.getAgent(request.url.href);
    agents.add(agent);
    return send(request, agent);
  };
  return Object.assign(transport, {
    close: () => {
      for (const agent of agents) {
        // Behind a proxy, http-client hands out tunnel agents: they have no destroy(), and
        // close each socket themselves once it is free. Only pooling agents need closing.
        const pooling = agent as Partial<Pick<http.Agent, 'destroy'>>;
        if (typeof pooling.destroy === 'function') pooling.destroy();
      }
      client.dispose();
    }
  });
}

function send(request: HttpRequest, agent: http.Agent): Promise<HttpResponse> {
  const { method, url, headers, body, timeoutMs } = request;
  const module = url.protocol === 'https:' ? https : http;
  const finalHeaders: Record<string, string | number> = { ...headers };
  if (body !== undefined) finalHeaders['Content-Length'] = Buffer.byteLength(body);

  return new Promise<HttpResponse>((resolve, reject) => {
    let connected = false;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      return true;
    };
    const fail = (error: TransportError): void => {
      if (!settle()) return;
      req.destroy();
      reject(error);
    };
    const succeed = (response: HttpResponse): void => {
      if (settle()) resolve(response);
    };

    const req = module.request(url, { method, headers: finalHeaders, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          fail(new TransportError('too-large', `the response body exceeded ${MAX_BODY_BYTES / 1024 / 1024} MiB`, true));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        succeed({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('aborted', () => {
        fail(new TransportError('connection', 'the connection closed before the whole response arrived', true));
      });
      res.on('error', (e) => {
        fail(connectionError(e, true));
      });
    });
    const timer = setTimeout(() => {
      fail(new TransportError('timeout', `no complete response within ${timeoutMs / 1000} s`, connected));
    }, timeoutMs);
    req.on('socket', (socket) => {
      // A reused keep-alive socket is already connected, and never emits 'connect' again:
      // a listener added to it would stay, holding this request, until the socket closes.
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    req.on('error', (e) => {
      fail(connectionError(e, connected));
    });
    req.end(body);
  });
}

function connectionError(error: Error & { code?: string }, connected: boolean): TransportError {
  const code = error.code;
  const neverConnected = !connected && code !== undefined && NOT_CONNECTED.has(code);
  const failure: TransportFailure = neverConnected ? 'unreachable' : 'connection';
  return new TransportError(failure, code ? `${code}: ${explainCode(code, error.message)}` : error.message, !neverConnected, code);
}

function explainCode(code: string, message: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (nothing listens there)';
    case 'ENOTFOUND':
      return 'host name not found (DNS)';
    case 'EAI_AGAIN':
      return 'DNS lookup failed for now';
    case 'ECONNRESET':
      return 'the connection was reset by the server or a proxy';
    default:
      return message;
  }
}
