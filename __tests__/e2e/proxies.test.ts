/**
 * Proxies, end to end through dist/ under the runner's Node: HTTP_PROXY and HTTPS_PROXY
 * (a CONNECT tunnel with real TLS) on loopback, NO_PROXY, and clean exits when proxied.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tls from 'node:tls';
import * as net from 'node:net';
import { MOCK_TOKEN, startMockServer } from '../../tools/mock-server.js';
import { runAction } from '../../tools/run-action.js';
import { ENTRY, NODES } from '../../test-support/e2e.js';
import { GITHUB_TEST_TOKEN, startFakeGitHub } from '../../test-support/fake-github.js';
import { listenOnLoopback } from '../../test-support/util.js';

const [, node] = NODES[0]!;

describe('proxies', () => {
  /** A CONNECT proxy on loopback that sends every tunnel to `target` (or the port named for its host), recording the hosts asked for. */
  async function startProxy(target: number | Record<string, number>) {
    const asked: string[] = [];
    const sockets = new Set<net.Socket>();
    const server = http.createServer((_req, res) => res.writeHead(405).end());
    server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      asked.push(req.url ?? '');
      const port = typeof target === 'number' ? target : (target[(req.url ?? '').split(':')[0] ?? ''] ?? 9);
      const upstream = net.connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
    });
    const port = await listenOnLoopback(server);
    return {
      url: `http://127.0.0.1:${port}`,
      asked,
      close: () => {
        for (const socket of sockets) socket.destroy();
        return new Promise((r) => server.close(r));
      }
    };
  }

  it('HTTPS_PROXY tunnels an https base-url, with the certificate checked for the API host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=suprsend.test',
        '-addext',
        'subjectAltName=DNS:suprsend.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem')
      ],
      { stdio: 'ignore' }
    );
    const mock = await startMockServer();
    // TLS for suprsend.test in front of the plain-HTTP mock.
    const tlsSockets = new Set<tls.TLSSocket>();
    const terminator = tls.createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (socket) => {
        const upstream = net.connect(Number(new URL(mock.url).port), '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      }
    );
    const tlsPort = await listenOnLoopback(terminator);
    const proxy = await startProxy(tlsPort);
    try {
      const inputs = {
        'service-token': MOCK_TOKEN,
        workspace: 'staging',
        command: 'list',
        'base-url': `https://suprsend.test:${tlsPort}`,
        retries: '0'
      };
      const trusted = await runAction({
        entry: ENTRY,
        node,
        inputs,
        env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') }
      });
      expect(trusted.errors).toEqual([]);
      expect(trusted.exitCode).toBe(0);
      expect(trusted.stderr).toBe('');
      expect(proxy.asked).toEqual([`suprsend.test:${tlsPort}`]);
      expect(mock.requests).toHaveLength(1);
      expect(mock.requests[0]!.headers.authorization).toBe(`ServiceToken ${MOCK_TOKEN}`);

      // Without trusting the certificate, TLS refuses, and the token is never sent.
      const untrusted = await runAction({ entry: ENTRY, node, inputs, env: { HTTPS_PROXY: proxy.url } });
      expect(untrusted.exitCode).toBe(1);
      expect(untrusted.stderr).toBe('');
      expect(untrusted.errors[0]).toMatch(/SuprSend at suprsend\.test:\d+/);
      expect(mock.requests).toHaveLength(1);
    } finally {
      await proxy.close();
      for (const socket of tlsSockets) socket.destroy();
      await new Promise((r) => terminator.close(r));
      await mock.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('HTTP_PROXY is used for the API, and NO_PROXY bypasses it', async () => {
    const mock = await startMockServer();
    const port = new URL(mock.url).port;
    const proxy = await startProxy(Number(port));
    try {
      const inputs = {
        'service-token': MOCK_TOKEN,
        workspace: 'staging',
        command: 'list',
        'base-url': `http://suprsend.test:${port}`,
        retries: '0'
      };
      const through = await runAction({ entry: ENTRY, node, inputs, env: { HTTP_PROXY: proxy.url } });
      expect(through.errors).toEqual([]);
      expect(through.exitCode).toBe(0);
      expect(through.stderr).toBe('');
      expect(proxy.asked).toEqual([`suprsend.test:${port}`]);
      expect(mock.requests).toHaveLength(1);

      const bypassed = await runAction({ entry: ENTRY, node, inputs, env: { HTTP_PROXY: proxy.url, NO_PROXY: 'suprsend.test' } });
      expect(bypassed.exitCode).toBe(1);
      expect(bypassed.stderr).toBe('');
      expect(proxy.asked).toHaveLength(1);
      expect(bypassed.errors[0]).toMatch(/Could not reach SuprSend at suprsend\.test:\d+ .*(ENOTFOUND|EAI_AGAIN)/);
    } finally {
      await proxy.close();
      await mock.close();
    }
  });

  it("stores a secret through the proxy too: GitHub requests take the runner's proxy settings, and no undici is needed", async () => {
    const mock = await startMockServer();
    const gh = await startFakeGitHub();
    const proxy = await startProxy({ 'suprsend.test': Number(new URL(mock.url).port), 'github.test': Number(new URL(gh.url).port) });
    try {
      const inputs = {
        'service-token': MOCK_TOKEN,
        workspace: 'staging',
        name: 'backend',
        'base-url': `http://suprsend.test:${new URL(mock.url).port}`,
        'secret-name': 'SUPRSEND_API_KEY',
        'github-token': GITHUB_TEST_TOKEN,
        retries: '0'
      };
      const env = {
        HTTP_PROXY: proxy.url,
        HTTPS_PROXY: proxy.url,
        GITHUB_API_URL: `http://github.test:${new URL(gh.url).port}`,
        GITHUB_REPOSITORY: 'acme/shop'
      };
      const result = await runAction({ entry: ENTRY, node, inputs, env });
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.stderr).toBe('');
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(mock.secrets[0]);
      expect(new Set(proxy.asked.map((host) => host.split(':')[0]))).toEqual(new Set(['suprsend.test', 'github.test']));
    } finally {
      await proxy.close();
      await gh.close();
      await mock.close();
    }
  });
});
