/**
 * Commands in process, without dist/ or sockets: `main()` with a recording core (every call in
 * order), the fake SuprSend's routes as the transport (`mock.answer`), a fixed clock and no real
 * sleeping. The fast seam for a new command's tests; the end-to-end suites stay the safety net.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArrayFile } from '../src/action/array-file.js';
import type { ActionCore, Deps } from '../src/action/deps.js';
import { main } from '../src/action/main.js';
import type { Transport } from '../src/net/http.js';
import type { MockServer } from '../tools/mock-server.js';

export type Call = [string, ...unknown[]];

/** Dependencies that record what the action does; `transport` is the real one unless given. */
export function recordingDeps(inputs: Record<string, string>, transport: Transport, state: Record<string, string> = {}) {
  const calls: Call[] = [];
  const summaries: string[] = [];
  const sleeps: number[] = [];
  const runnerTemp = mkdtempSync(join(tmpdir(), 'in-process-'));
  const core: ActionCore = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (s) => calls.push(['setSecret', s]),
    setOutput: (n, v) => calls.push(['setOutput', n, v]),
    setFailed: (m) => calls.push(['setFailed', m]),
    debug: (m) => calls.push(['debug', m]),
    info: (m) => calls.push(['info', m]),
    notice: (m) => calls.push(['notice', m]),
    startGroup: (t) => calls.push(['startGroup', t]),
    endGroup: () => calls.push(['endGroup']),
    warning: (m) => calls.push(['warning', m]),
    saveState: (n, v) => calls.push(['saveState', n, v]),
    getState: (n) => state[n] ?? ''
  };
  const deps: Deps = {
    core,
    env: {},
    transport,
    createArrayFile: () => createArrayFile({ RUNNER_TEMP: runnerTemp }),
    writeSummary: (md) => {
      summaries.push(md);
      return Promise.resolve();
    },
    now: () => new Date('2026-11-23T12:00:00Z'),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5
  };
  return { deps, calls, summaries, sleeps };
}

/** The fake SuprSend's routes as a transport: no socket, no latency, no faults. */
export function mockTransport(mock: MockServer): Transport {
  return (request) => {
    const answer = mock.answer({
      method: request.method,
      path: request.url.pathname,
      query: Object.fromEntries(request.url.searchParams),
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
      body: request.body ?? ''
    });
    const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return Promise.resolve({ status: answer.status, headers: body === '' ? {} : { 'content-type': 'application/json' }, body });
  };
}

/** Runs the action's main step in process against the mock; returns what it did, call by call. */
export async function runInProcess(mock: MockServer, inputs: Record<string, string>) {
  const recorded = recordingDeps({ 'base-url': mock.url, 'hub-url': mock.url, ...inputs }, mockTransport(mock));
  await main(recorded.deps);
  const outputs = Object.fromEntries(recorded.calls.filter(([c]) => c === 'setOutput').map(([, n, v]) => [n as string, v as string]));
  const failed = recorded.calls.find(([c]) => c === 'setFailed')?.[1] as string | undefined;
  return { ...recorded, outputs, failed };
}
