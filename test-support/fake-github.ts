/**
 * A fake GitHub REST API for Actions secrets, on loopback. It hands out a real
 * X25519 public key and opens every sealed box it receives with the private key
 * (tweetnacl: an implementation independent of the action's), so tests compare
 * the stored plaintext with the key SuprSend returned.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import * as http from 'node:http';
import nacl from 'tweetnacl';
import { listenOnLoopback } from './util.js';

export const GITHUB_TEST_TOKEN = 'ghs_fakeGitHubToken0123456789';

/** The repositories the fake knows, by full name, with their ids (for organization secrets' selected lists). */
export const REPOSITORY_IDS: Record<string, number> = { 'acme/shop': 101, 'acme/api': 102, 'acme/web': 103 };

export function openSealedBox(sealed: Uint8Array, keyPair: nacl.BoxKeyPair): Uint8Array | null {
  const ephemeral = sealed.subarray(0, 32);
  const both = new Uint8Array(64);
  both.set(ephemeral);
  both.set(keyPair.publicKey, 32);
  return nacl.box.open(sealed.subarray(32), blake2b(both, { dkLen: 24 }), ephemeral, keyPair.secretKey);
}

export interface FakeGitHub {
  url: string;
  requests: { method: string; path: string; authorization: string | undefined }[];
  /** Plaintexts stored, by "owner/repo/NAME", "owner/repo/env:ENV/NAME" or "org:ORG/NAME". */
  secrets: Map<string, string>;
  /** How each organization secret was last written: its visibility and selected repository ids. */
  orgSecrets: Map<string, { visibility: string; selected_repository_ids?: number[] }>;
  close(): Promise<void>;
}

export type GitHubFault = (
  method: string,
  path: string
) => { status: number; message: string; headers?: Record<string, string> } | undefined;

export async function startFakeGitHub(options: { fail?: GitHubFault } = {}): Promise<FakeGitHub> {
  const keyPair = nacl.box.keyPair();
  const keyId = '568250167242549743';
  const state: FakeGitHub = {
    url: '',
    requests: [],
    secrets: new Map(),
    orgSecrets: new Map(),
    close: () =>
      new Promise((r) =>
        server.close(() => {
          r();
        })
      )
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      state.requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      const send = (status: number, data?: unknown, headers: Record<string, string> = {}): void => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(data === undefined ? '' : JSON.stringify(data));
      };
      const failure = options.fail?.(req.method ?? '', path);
      if (failure) {
        send(failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' }, failure.headers);
        return;
      }
      if (req.headers.authorization !== `token ${GITHUB_TEST_TOKEN}`) {
        send(401, { message: 'Bad credentials' });
        return;
      }

      const repoLookup = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && repoLookup) {
        const id = REPOSITORY_IDS[`${repoLookup[1]}/${repoLookup[2]}`];
        send(
          id === undefined ? 404 : 200,
          id === undefined ? { message: 'Not Found' } : { id, full_name: `${repoLookup[1]}/${repoLookup[2]}` }
        );
        return;
      }
      const org = /^\/orgs\/([^/]+)\/actions\/secrets\/([^/]+)$/.exec(path);
      if (org) {
        const [, login = '', last = ''] = org;
        if (req.method === 'GET' && last === 'public-key') {
          send(200, { key_id: keyId, key: Buffer.from(keyPair.publicKey).toString('base64') });
          return;
        }
        if (req.method === 'PUT') {
          const { encrypted_value, key_id, visibility, selected_repository_ids } = JSON.parse(body) as {
            encrypted_value: string;
            key_id: string;
            visibility: string;
            selected_repository_ids?: number[];
          };
          const opened = key_id === keyId ? openSealedBox(new Uint8Array(Buffer.from(encrypted_value, 'base64')), keyPair) : null;
          if (opened === null) {
            send(422, { message: 'could not decrypt' });
            return;
          }
          state.secrets.set(`org:${login}/${last}`, new TextDecoder().decode(opened));
          state.orgSecrets.set(`${login}/${last}`, { visibility, ...(selected_repository_ids ? { selected_repository_ids } : {}) });
          send(201);
          return;
        }
      }
      const m = /^\/repos\/([^/]+)\/([^/]+)\/(?:actions|environments\/([^/]+))\/secrets\/([^/]+)$/.exec(path);
      if (!m) {
        send(404, { message: 'Not Found' });
        return;
      }
      const [, owner, repo, environment, last] = m;
      if (req.method === 'GET' && last === 'public-key') {
        send(200, { key_id: keyId, key: Buffer.from(keyPair.publicKey).toString('base64') });
        return;
      }
      if (req.method === 'PUT') {
        const { encrypted_value, key_id } = JSON.parse(body) as { encrypted_value: string; key_id: string };
        if (key_id !== keyId) {
          send(422, { message: 'key_id does not match' });
          return;
        }
        const opened = openSealedBox(new Uint8Array(Buffer.from(encrypted_value, 'base64')), keyPair);
        if (opened === null) {
          send(422, { message: 'could not decrypt' });
          return;
        }
        const where = `${owner}/${repo}/${environment === undefined ? '' : `env:${environment}/`}${last}`;
        const existed = state.secrets.has(where);
        state.secrets.set(where, new TextDecoder().decode(opened));
        send(existed ? 204 : 201);
        return;
      }
      send(405, { message: 'Method Not Allowed' });
    });
  });
  state.url = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return state;
}
