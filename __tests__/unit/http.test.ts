/** The transport against a loopback server: answers as they are, deadlines over the whole body, failures classified, sockets reused. */
import { afterEach, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { createTransport, TransportError, type HttpRequest } from '../../src/net/http.js';
import { closedPort, listenOnLoopback } from '../../test-support/util.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const open: { server: http.Server; sockets: Set<Socket> }[] = [];

async function serve(handler: Handler): Promise<{ url: URL; connections: () => number }> {
  const server = http.createServer(handler);
  const sockets = new Set<Socket>();
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    sockets.add(socket);
  });
  open.push({ server, sockets });
  return { url: new URL(`http://127.0.0.1:${await listenOnLoopback(server)}/v1/`), connections: () => connections };
}

afterEach(async () => {
  for (const { server, sockets } of open.splice(0)) {
    for (const s of sockets) s.destroy();
    await new Promise((r) => server.close(r));
  }
});

const get = (url: URL, timeoutMs = 2000): HttpRequest => ({ method: 'GET', url, headers: { Accept: 'application/json' }, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('transport', () => {
  it('returns status, headers and body as they are; a redirect is returned, not followed', async () => {
    const { url } = await serve((req, res) => {
      if (req.url === '/v1/') res.writeHead(302, { location: 'http://elsewhere.test/' }).end();
      else res.writeHead(418, { 'x-a': 'b' }).end('teapot');
    });
    const transport = createTransport('test');
    try {
      expect(await transport(get(url))).toMatchObject({ status: 302, headers: { location: 'http://elsewhere.test/' }, body: '' });
      expect(await transport(get(new URL('/other', url)))).toMatchObject({ status: 418, headers: { 'x-a': 'b' }, body: 'teapot' });
    } finally {
      transport.close();
    }
  });

  it('sends the body with its length, and reuses one kept-alive socket for requests in a row', async () => {
    const bodies: string[] = [];
    const server = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(`${req.headers['content-length']}:${body}`);
        res.end('{}');
      });
    });
    const transport = createTransport('test');
    try {
      for (let i = 0; i < 3; i++) await transport({ ...get(server.url), method: 'POST', body: `{"n":${i}}` });
    } finally {
      transport.close();
    }
    expect(bodies).toEqual(['7:{"n":0}', '7:{"n":1}', '7:{"n":2}']);
    expect(server.connections()).toBe(1);
  });

  it("leaves no 'connect' listener on a reused socket: 25 requests over one socket, none left", async () => {
    const server = await serve((_req, res) => res.end('{}'));
    // Every socket the transport subscribes to, seen from the (real, shared) Socket prototype.
    const sockets = new Set<Socket>();
    const original = Object.getOwnPropertyDescriptor(Socket.prototype, 'once');
    Object.defineProperty(Socket.prototype, 'once', {
      configurable: true,
      writable: true,
      value: function (this: Socket, event: string, listener: (...args: unknown[]) => void) {
        if (event === 'connect') sockets.add(this);
        return EventEmitter.prototype.once.call(this, event, listener);
      }
    });
    const transport = createTransport('test');
    try {
      for (let i = 0; i < 25; i++) await transport(get(server.url));
      expect(server.connections()).toBe(1);
      expect(sockets.size).toBe(1);
      for (const socket of sockets) expect(socket.listenerCount('connect')).toBe(0);
    } finally {
      transport.close();
      if (original) Object.defineProperty(Socket.prototype, 'once', original);
      else delete (Socket.prototype as { once?: unknown }).once;
    }
  });

  it('a deadline covers the whole body: a trickle ends as a timeout that may have reached the server', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200);
      const timer = setInterval(() => res.write(' '), 20);
      res.on('close', () => {
        clearInterval(timer);
      });
    });
    const transport = createTransport('test');
    try {
      const error = await failure(transport(get(url, 200)));
      expect(error).toMatchObject({ failure: 'timeout', mayHaveReachedServer: true, message: 'no complete response within 0.2 s' });
    } finally {
      transport.close();
    }
  });

  it('a refused connection never reached the server; a reset after the request may have', async () => {
    const refusedAt = new URL(`http://127.0.0.1:${await closedPort()}/`);
    const { url } = await serve((req) => req.socket.destroy());
    const transport = createTransport('test');
    try {
      expect(await failure(transport(get(refusedAt)))).toMatchObject({
        failure: 'unreachable',
        mayHaveReachedServer: false,
        code: 'ECONNREFUSED'
      });
      expect(await failure(transport(get(url)))).toMatchObject({ failure: 'connection', mayHaveReachedServer: true });
    } finally {
      transport.close();
    }
  });
});
