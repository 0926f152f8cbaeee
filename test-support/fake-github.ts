/**
 * A fake GitHub REST API for Actions secrets, variables and issues, on loopback: the routes and answers of
 * `fake-github-world.ts`, behind GitHub's authentication, with faults a test injects
 * (a status, an answer after the write was applied, a reset connection, no answer at all).
 */
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { listenOnLoopback } from './util.js';
import { GITHUB_TEST_TOKEN, World, type Answer, type WorldOptions } from './fake-github-world.js';
import type { IssueBoard } from './fake-github-issues.js';
import type { VariableBoard } from './fake-github-variables.js';

export { GITHUB_TEST_TOKEN, openSealedBox, REPOSITORY_IDS } from './fake-github-world.js';

export interface RecordedRequest {
  method: string;
  /** The path as sent, percent-encoding kept. */
  rawPath: string;
  /** The path decoded, for reading. */
  path: string;
  authorization: string | undefined;
  body: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  status?: number;
  /** The answer's body as sent (JSON), for the contract test. */
  answer?: string;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** Plaintexts stored, by "owner/repo/NAME", "owner/repo/env:ENV/NAME" or "org:ORG/NAME". */
  secrets: Map<string, string>;
  /** How each organization secret was last written: its visibility and selected repository ids. */
  orgSecrets: Map<string, { visibility: string; selected_repository_ids?: number[] }>;
  /** An organization secret that exists before the step runs. */
  seedOrgSecret: (org: string, name: string, visibility: string, selected?: number[]) => void;
  /** Every repository's issues and pull requests. */
  issues: IssueBoard;
  /** Actions variables of every repository, environment and organization. */
  variables: VariableBoard;
  close(): Promise<void>;
}

/** A fault's answer: a status (`apply`: handle the request first, then answer this), a reset connection, or none at all. */
export type FaultAnswer =
  | { status: number; message?: string; body?: unknown; headers?: Record<string, string>; apply?: boolean }
  | { reset: true; apply?: boolean }
  | { hang: true; apply?: boolean };

export type GitHubFault = (method: string, path: string) => FaultAnswer | undefined;

export interface FakeGitHubOptions extends WorldOptions {
  fail?: GitHubFault;
  /** Hold a request this long before handling it (what it writes lands then). */
  delayMs?: (method: string, path: string) => number;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const world = new World(options);
  const sockets = new Set<Socket>();
  const state: FakeGitHub = {
    url: '',
    requests: [],
    secrets: world.secrets,
    orgSecrets: world.orgSecrets,
    seedOrgSecret: (org, name, visibility, selected) => {
      world.seedOrgSecret(org, name, visibility, selected);
    },
    issues: world.issues,
    variables: world.variables,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      })
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const delay = options.delayMs?.(req.method ?? '', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)) ?? 0;
      if (delay > 0) setTimeout(handle, delay);
      else handle();
    });
    const handle = (): void => {
      const method = req.method ?? '';
      const rawPath = new URL(req.url ?? '/', 'http://x').pathname;
      const segments = rawPath.split('/').slice(1).map(decodeURIComponent);
      const recorded: RecordedRequest = {
        method,
        rawPath,
        path: decodeURIComponent(rawPath),
        authorization: req.headers.authorization,
        body,
        at: Date.now()
      };
      state.requests.push(recorded);
      const send = ({ status, body: data, headers = {} }: Answer): void => {
        const text = data === undefined ? '' : JSON.stringify(data);
        recorded.status = status;
        recorded.answer = text;
        res.writeHead(status, { ...(text === '' ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...headers });
        res.end(text);
      };
      const fault = options.fail?.(method, recorded.path);
      const authorized = req.headers.authorization === `token ${GITHUB_TEST_TOKEN}`;
      const answer = (): Answer =>
        authorized
          ? world.answer(method, segments, body, state.url, new URL(req.url ?? '/', 'http://x').searchParams)
          : { status: 401, body: { message: 'Bad credentials', status: '401' } };
      if (fault === undefined) {
        send(answer());
        return;
      }
      if (fault.apply === true) answer();
      if ('hang' in fault) return;
      if ('reset' in fault) {
        req.socket.destroy();
        return;
      }
      send({
        status: fault.status,
        body: fault.body ?? { message: fault.message ?? '', documentation_url: 'https://docs.github.com/rest' },
        ...(fault.headers ? { headers: fault.headers } : {})
      });
    };
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  state.url = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  return state;
}
