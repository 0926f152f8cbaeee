/**
 * `npm run bench`: what the action costs per run, measured the way the runner runs
 * it (dist/index.js in a fresh process under Node 24, inputs as INPUT_*), against
 * the built-in mock on loopback with injected latency. Prints Markdown tables.
 * Speed is measured here, never asserted in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MOCK_TOKEN, startMockServer, type MockOptions, type MockServer } from './mock-server.js';
import { GITHUB_TEST_TOKEN, startFakeGitHub } from '../test-support/fake-github.js';
import { findNode24, NODE24_HINT } from './node24.js';
import { runAction, type RunResult } from './run-action.js';

/**
 * The action as it is in dist/, read at run time. Not a literal path: ncc would copy a file named
 * by one into build/ as an asset, without the chunks it loads on demand (the GitHub path).
 */
const DIST = resolve(process.env.BENCH_DIST ?? 'dist');
const ENTRY = join(DIST, 'index.js');
const NODE = resolve(process.argv[2] ?? findNode24() ?? noNode24());

/** The bench measures the runner's Node only: without one it stops and says how to get it. */
function noNode24(): never {
  process.stderr.write(`${NODE24_HINT} Or pass a Node binary: npm run bench -- /path/to/node\n`);
  process.exit(1);
}
const RUNS = 21;
const LATENCY_MS = 40;
const DAY = 24 * 60 * 60 * 1000;

/** Preloaded into the action's process: prints its peak RSS on exit. */
const probe = join(mkdtempSync(join(tmpdir(), 'bench-')), 'rss.mjs');
writeFileSync(probe, "process.on('exit', () => process.stderr.write(`\\nmaxrss_kb=${process.resourceUsage().maxRSS}\\n`));\n");

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

interface Measured {
  wallMs: number;
  requests: number;
  peakInFlight: number;
  rssMb: number;
  result: RunResult;
}

async function measure(mock: MockServer, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<Measured> {
  const before = mock.requests.length;
  mock.peakInFlight = 0;
  const start = process.hrtime.bigint();
  const result = await runAction({
    entry: ENTRY,
    node: NODE,
    nodeArgs: ['--import', probe],
    inputs: { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url, ...inputs },
    env
  });
  const wallMs = ms(start);
  if (result.exitCode !== 0) throw new Error(`action failed: ${result.errors.join('; ')}\n${result.stderr}`);
  const rssKb = Number(/maxrss_kb=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  // A successful run prints nothing to stderr (a MaxListenersExceededWarning, say), whatever its size.
  const stderr = result.stderr.replace(/\n?maxrss_kb=\d+\n/, '');
  if (stderr !== '') throw new Error(`stderr of a successful run is not empty:\n${stderr}`);
  return { wallMs, requests: mock.requests.length - before, peakInFlight: mock.peakInFlight, rssMb: rssKb / 1024, result };
}

async function withMock<T>(options: MockOptions, keys: number, body: (mock: MockServer) => Promise<T>): Promise<T> {
  const mock = await startMockServer(options);
  for (let i = 0; i < keys; i++)
    mock.addKey('staging', { name: `service-${i % 50}`, created_at: new Date(Date.now() - (i % 500) * DAY).toISOString() });
  try {
    return await body(mock);
  } finally {
    await mock.close();
  }
}

/**
 * A whole create, process start to exit, against bare `node -e 0`, and a create that stores the key
 * as a GitHub secret (the fake GitHub on loopback: public key, seal, PUT); runs alternate so drift hits all three.
 */
async function coldStart(): Promise<void> {
  const bare: number[] = [];
  const create: number[] = [];
  const stored: Measured[] = [];
  const gh = await startFakeGitHub();
  const secret = { 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN, 'secret-repository': 'acme/shop' };
  try {
    await withMock({}, 0, async (mock) => {
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        spawnSync(NODE, ['-e', '0'], { stdio: 'ignore', env: { PATH: process.env.PATH } });
        bare.push(ms(start));
        create.push((await measure(mock, { name: `cold-${i}` })).wallMs);
        stored.push(await measure(mock, { name: `stored-${i}`, ...secret }, { GITHUB_API_URL: gh.url }));
      }
    });
  } finally {
    await gh.close();
  }
  if (gh.secrets.get('acme/shop/SUPRSEND_API_KEY') === undefined) throw new Error('no secret was stored');
  const storedMs = median(stored.map((m) => m.wallMs));
  console.log(`## Cold start (median of ${RUNS}, process start to exit)\n`);
  console.log('| run | median ms | × bare node | × plain create | peak RSS MB |\n|---|---|---|---|---|');
  console.log(`| \`node -e 0\` | ${median(bare).toFixed(1)} | 1.00 | | |`);
  console.log(
    `| whole \`create\` against the loopback mock | ${median(create).toFixed(1)} | ${(median(create) / median(bare)).toFixed(2)} | 1.00 | |`
  );
  console.log(
    `| \`create\` with \`secret-name\` (fake GitHub on loopback) | ${storedMs.toFixed(1)} | ${(storedMs / median(bare)).toFixed(2)} | ` +
      `${(storedMs / median(create)).toFixed(2)} | ${median(stored.map((m) => m.rssMb)).toFixed(0)} |\n`
  );
}

/** The post step of a step that created no ephemeral key (every use of the action but one), against bare `node -e 0`. */
function postStep(): void {
  const bare: number[] = [];
  const post: number[] = [];
  const entry = join(DIST, 'post', 'index.js');
  for (let i = 0; i < RUNS; i++) {
    let start = process.hrtime.bigint();
    spawnSync(NODE, ['-e', '0'], { stdio: 'ignore', env: { PATH: process.env.PATH } });
    bare.push(ms(start));
    start = process.hrtime.bigint();
    const result = spawnSync(NODE, [entry], { encoding: 'utf8', env: { PATH: process.env.PATH, 'INPUT_SERVICE-TOKEN': MOCK_TOKEN } });
    post.push(ms(start));
    if (result.status !== 0 || result.stdout !== '' || result.stderr !== '')
      throw new Error(`the post step did something: ${result.stdout}${result.stderr}`);
  }
  console.log(`## Post step with nothing to disable (median of ${RUNS}, process start to exit)\n`);
  console.log('| run | median ms | × bare node |\n|---|---|---|');
  console.log(`| \`node -e 0\` | ${median(bare).toFixed(1)} | 1.00 |`);
  console.log(`| post step, no ephemeral key | ${median(post).toFixed(1)} | ${(median(post) / median(bare)).toFixed(2)} |\n`);
}

/** Runs at 0 ms per request (wall time and peak RSS vary from run to run), and at 40 ms (for the round trips). */
const LIST_RUNS = 9;
const SLOW_RUNS = 3;

/** Lists at 0 and 40 ms per request: the difference over 40 ms is the round trips on the critical path. */
async function listing(): Promise<void> {
  console.log(`## list (100 keys a page; latency per request 0 and ${LATENCY_MS} ms)\n`);
  console.log(
    `Wall times: medians of ${LIST_RUNS} runs at 0 ms (with the job summary) and ${SLOW_RUNS} at ${LATENCY_MS} ms. ` +
      `Peak RSS: the median of the runs at 0 ms, and the range over all runs.\n`
  );
  console.log(
    '| keys | wall ms (0 ms) | wall ms (40 ms) | round trips on the critical path | requests | peak in flight | peak RSS MB | range |'
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const keys of [1, 1000, 5000, 20000, 90000]) {
    const fast: Measured[] = [];
    const slow: Measured[] = [];
    for (let i = 0; i < LIST_RUNS; i++) fast.push(await withMock({}, keys, (mock) => measure(mock, { command: 'list', summary: 'true' })));
    for (let i = 0; i < SLOW_RUNS; i++)
      slow.push(await withMock({ latencyMs: LATENCY_MS }, keys, (mock) => measure(mock, { command: 'list' })));
    const runs = [...fast, ...slow];
    for (const run of runs) if (run.result.outputs.count !== String(keys)) throw new Error(`listed ${run.result.outputs.count} of ${keys}`);
    const fastMs = median(fast.map((m) => m.wallMs));
    const slowMs = median(slow.map((m) => m.wallMs));
    const rss = runs.map((m) => m.rssMb);
    console.log(
      `| ${keys} | ${fastMs.toFixed(0)} | ${slowMs.toFixed(0)} | ${((slowMs - fastMs) / LATENCY_MS).toFixed(1)} | ${slow[0]?.requests} | ` +
        `${Math.max(...slow.map((m) => m.peakInFlight))} | ${median(fast.map((m) => m.rssMb)).toFixed(0)} | ${Math.min(...rss).toFixed(0)}–${Math.max(...rss).toFixed(0)} |`
    );
  }
  console.log();
}

/** Several workspaces in one step: 20 of them, listed with `workspace: '*'`, at 0 and 40 ms per request. */
async function workspaces(): Promise<void> {
  const names = Array.from({ length: 20 }, (_, i) => `ws-${i}`);
  const account = async (latencyMs: number, perWorkspace: number): Promise<Measured> => {
    const mock = await startMockServer({ workspaces: names, latencyMs, maxPageSize: 100 });
    try {
      for (const w of names) for (let i = 0; i < perWorkspace; i++) mock.addKey(w, { name: `service-${i % 50}` });
      const m = await measure(mock, { command: 'list', workspace: '*' });
      if (m.result.outputs.count !== String(names.length * perWorkspace)) throw new Error(`listed ${m.result.outputs.count}`);
      return m;
    } finally {
      await mock.close();
    }
  };
  console.log(`## list, 20 workspaces ('*'; 100 keys a page; latency per request 0 and ${LATENCY_MS} ms)\n`);
  console.log(
    '| keys per workspace | wall ms (0 ms) | wall ms (40 ms) | round trips on the critical path | requests | peak in flight | peak RSS MB |'
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const perWorkspace of [250, 1000]) {
    const fast = await account(0, perWorkspace);
    const slow = await account(LATENCY_MS, perWorkspace);
    const trips = (slow.wallMs - fast.wallMs) / LATENCY_MS;
    console.log(
      `| ${perWorkspace} | ${fast.wallMs.toFixed(0)} | ${slow.wallMs.toFixed(0)} | ${trips.toFixed(1)} | ${slow.requests} | ${slow.peakInFlight} | ${Math.max(fast.rssMb, slow.rssMb).toFixed(0)} |`
    );
  }
  console.log();
}

/** What a sequential pager (one page after another, as the SuprSend CLI pages) costs for 5,000 keys at 40 ms. */
async function sequentialPager(): Promise<void> {
  await withMock({ latencyMs: LATENCY_MS }, 5000, async (mock) => {
    const start = process.hrtime.bigint();
    let requests = 0;
    for (let offset = 0; ; offset += 100) {
      const res = await fetch(`${mock.url}/v1/staging/ws_api_key/?limit=100&offset=${offset}`, {
        headers: { Authorization: `ServiceToken ${MOCK_TOKEN}` }
      });
      requests++;
      const page = (await res.json()) as { results: unknown[] };
      if (page.results.length < 100) break;
    }
    console.log(`## For comparison: a sequential pager, 5,000 keys at ${LATENCY_MS} ms, in-process (no start-up)\n`);
    console.log(`${requests} requests, ${ms(start).toFixed(0)} ms: about ${Math.round(ms(start) / LATENCY_MS)} round trips.\n`);
  });
}

async function commands(): Promise<void> {
  console.log('## create and delete\n');
  console.log('| run | wall ms | requests | peak in flight |\n|---|---|---|---|');
  await withMock({ latencyMs: LATENCY_MS }, 200, async (mock) => {
    const create = await measure(mock, { name: 'fresh' });
    console.log(`| create | ${create.wallMs.toFixed(0)} | ${create.requests} | ${create.peakInFlight} |`);
    const skip = await measure(mock, { name: 'service-1', 'if-exists': 'skip' });
    console.log(
      `| create with if-exists: skip (the listing takes 3 pages of 201 keys; no POST as the name exists) | ${skip.wallMs.toFixed(0)} | ${skip.requests} | ${skip.peakInFlight} |`
    );
    const del = await measure(mock, { command: 'delete', name: 'service-1', keep: '1' });
    const disabled = JSON.parse(del.result.outputs['deleted-key-ids'] ?? '[]') as string[];
    console.log(
      `| delete by name (${disabled.length} keys to disable, keep 1) | ${del.wallMs.toFixed(0)} | ${del.requests} | ${del.peakInFlight} |`
    );
  });
  console.log();
}

function size(): void {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
  const js = files('dist').filter((f) => /\.(m|c)?js$/.test(f));
  const total = js.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log('## Size\n');
  console.log(
    `All JavaScript under dist/: ${(total / 1000).toFixed(0)} KB in ${js.length} files (${js.map((f) => `${f} ${(statSync(f).size / 1000).toFixed(0)} KB`).join(', ')}).\n`
  );
}

const node = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(
  `# suprsend-key-action benchmark\n\n${new Date().toISOString().slice(0, 10)}, Node ${node}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}\n`
);
await coldStart();
postStep();
await listing();
await workspaces();
await sequentialPager();
await commands();
size();
