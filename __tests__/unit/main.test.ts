/**
 * main() with its dependencies injected: a recording core, the fake SuprSend server
 * behind the real transport, a clock and no real sleeping. Shows the order of calls.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN, startMockServer, type MockServer } from '../../tools/mock-server.js';
import { createTransport, TransportError } from '../../src/net/http.js';
import { main } from '../../src/action/main.js';
import { EPHEMERAL_KEY_STATE } from '../../src/commands/create/ephemeral-state.js';
import { post } from '../../src/action/post.js';
import { recordingDeps as recordInProcess } from '../../test-support/in-process.js';

/** The real transport (these tests exercise it against the fake server's sockets); the recording core from test-support. */
function recordingDeps(inputs: Record<string, string>, state: Record<string, string> = {}) {
  const transport = createTransport('test');
  return {
    ...recordInProcess(inputs, transport, state),
    close: () => {
      transport.close();
    }
  };
}

let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer();
});
afterEach(async () => {
  await mock.close();
});

const inputs = (extra: Record<string, string>) => ({ 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url, ...extra });

describe('main', () => {
  it('masks the token first and the secret before any output', async () => {
    const r = recordingDeps(inputs({ name: 'app' }));
    await main(r.deps);
    r.close();
    const names = r.calls.map((c) => c[0]);
    expect(r.calls[0]).toEqual(['setSecret', MOCK_TOKEN]);
    const secretAt = r.calls.findIndex((c) => c[0] === 'setSecret' && c[1] === mock.secrets[0]);
    expect(secretAt).toBeGreaterThan(0);
    expect(names.indexOf('setOutput')).toBeGreaterThan(secretAt);
    expect(r.calls).toContainEqual(['setOutput', 'api-key', mock.secrets[0]]);
    expect(names).not.toContain('setFailed');
    expect(r.summaries).toHaveLength(1);
  });

  it('fails the step once, with the reason, on an error', async () => {
    const r = recordingDeps(inputs({ name: 'app', workspace: 'nope' }));
    await main(r.deps);
    r.close();
    const failures = r.calls.filter((c) => c[0] === 'setFailed');
    expect(failures).toHaveLength(1);
    expect(failures[0]![1]).toMatch(/Workspace 'nope' was not found/);
    expect(r.calls.some((c) => c[0] === 'setOutput')).toBe(false);
  });

  it('waits as Retry-After says, through the injected sleep', async () => {
    await mock.close();
    mock = await startMockServer({ fault: (_r, n) => (n < 2 ? { status: 429, headers: { 'retry-after': '7' } } : undefined) });
    const r = recordingDeps(inputs({ command: 'list' }));
    await main(r.deps);
    r.close();
    expect(r.sleeps).toEqual([7000, 7000]);
    expect(r.calls).toContainEqual(['setOutput', 'count', '0']);
  });

  it('retries a POST whose connection was refused (SuprSend never saw it), and creates one key', async () => {
    const r = recordingDeps(inputs({ name: 'app' }));
    const real = r.deps.transport;
    let calls = 0;
    r.deps.transport = (request) => {
      calls++;
      if (calls === 1) return Promise.reject(new TransportError('unreachable', 'ECONNREFUSED: connection refused', false, 'ECONNREFUSED'));
      return real(request);
    };
    await main(r.deps);
    r.close();
    expect(calls).toBe(2);
    expect(r.sleeps).toHaveLength(1);
    expect(mock.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(r.calls).toContainEqual(['setOutput', 'api-key', mock.secrets[0]]);
  });

  it('never retries a POST whose connection broke after it was sent', async () => {
    const r = recordingDeps(inputs({ name: 'app' }));
    let calls = 0;
    r.deps.transport = () => {
      calls++;
      return Promise.reject(new TransportError('connection', 'ECONNRESET: the connection was reset', true, 'ECONNRESET'));
    };
    await main(r.deps);
    r.close();
    expect(calls).toBe(1);
    expect(r.calls.find((c) => c[0] === 'setFailed')?.[1]).toMatch(/may have reached SuprSend/);
  });

  it('warns about inputs the command does not use', async () => {
    const r = recordingDeps(inputs({ command: 'list', description: 'unused' }));
    await main(r.deps);
    r.close();
    expect(r.calls).toContainEqual(['warning', "Input 'description' does nothing with command 'list' and is ignored."]);
  });

  it('writes no summary with summary: false', async () => {
    const r = recordingDeps(inputs({ command: 'list', summary: 'false' }));
    await main(r.deps);
    r.close();
    expect(r.summaries).toEqual([]);
  });

  it('saves the created key for the post step only when ephemeral', async () => {
    const plain = recordingDeps(inputs({ name: 'app' }));
    await main(plain.deps);
    plain.close();
    expect(plain.calls.some((c) => c[0] === 'saveState')).toBe(false);
    const eph = recordingDeps(inputs({ name: 'app', ephemeral: 'true' }));
    await main(eph.deps);
    eph.close();
    const id = mock.keys.get('staging')![1]!.id;
    expect(eph.calls).toContainEqual(['saveState', EPHEMERAL_KEY_STATE, id]);
  });
});

describe('post', () => {
  it('does nothing without saved state', async () => {
    const r = recordingDeps(inputs({ name: 'app', ephemeral: 'true' }));
    await post(r.deps);
    r.close();
    expect(r.calls).toEqual([]);
    expect(mock.requests).toEqual([]);
  });
});

describe('main, when the summary cannot be written', () => {
  it('warns and keeps the step green: the key exists and the outputs are set', async () => {
    const r = recordingDeps(inputs({ name: 'app' }));
    r.deps.writeSummary = () => Promise.reject(new Error('EACCES: permission denied'));
    await main(r.deps);
    r.close();
    expect(r.calls.some((c) => c[0] === 'setFailed')).toBe(false);
    expect(r.calls).toContainEqual(['warning', 'Unexpected Error: EACCES: permission denied']);
    expect(r.calls).toContainEqual(['setOutput', 'api-key', mock.secrets[0]]);
  });
});
