/**
 * The local tools a new user starts with: `npm run demo` (the built-in mock and the bundled
 * action, post step included), `npm run mock` on a chosen port, and `npm run local-action`'s
 * first check. Each is run as the user runs it.
 */
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runAction } from '../../tools/run-action.js';
import { NODES } from '../../test-support/e2e.js';
import { closedPort } from '../../test-support/util.js';

const [, node] = NODES[0]!;

/** Starts the mock with `--serve PORT` and resolves once it says it listens; the caller kills it. */
function serveMock(port: number): Promise<{ stop: () => void; output: string }> {
  const child = spawn(node, ['dist/demo/index.js', '--serve', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('listening on')) resolvePromise({ stop: () => child.kill(), output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => {
      reject(new Error(`the mock exited: ${output}`));
    });
  });
}

describe('npm run demo', () => {
  it('runs every step against the built-in mock, fills action.yml defaults, and runs the post step of the ephemeral key', () => {
    const result = spawnSync(node, ['dist/demo/index.js', 'dist/index.js'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`under Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
    expect(result.stdout).toContain('Dry run: nothing is disabled.');
    // The signing key's roll: its private key never shown, every line masked.
    expect(result.stdout).toMatch(/Rolled signing key ws_signk_\w+ \(uid signing_key_\w+\) in workspace 'staging'/);
    expect(result.stdout).toContain('private-key = ***');
    expect(result.stdout).not.toContain('PRIVATE KEY');
    // The audit of every kind: a line per workspace for the signing and public keys.
    expect(result.stdout).toMatch(/Workspace 'staging': 2 signing keys \(1 active\), \d+ public keys\./);
    expect(result.stdout).toMatch(/Post step \(when the job ends\):\n {2}Disabled ephemeral key ws_apik_\w+ in workspace 'staging'\./);
    // Only the ephemeral step's post step says anything.
    expect(result.stdout.match(/Post step/g)).toHaveLength(1);
    expect(result.stderr).toBe('');
  });

  it('the runner emulator passes action.yml defaults for inputs the step leaves unset, and the step’s own values over them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'entry-'));
    const entry = join(dir, 'entry.mjs');
    writeFileSync(
      entry,
      "console.log(JSON.stringify({ r: process.env['INPUT_RETRIES'], k: process.env['INPUT_KEEP'], n: process.env['INPUT_NAME'] }))"
    );
    const result = await runAction({ entry, node, inputs: { keep: '2' }, defaults: { retries: '3', keep: '0' } });
    expect(JSON.parse(result.stdout)).toEqual({ r: '3', k: '2' });
  });
});

describe('npm run mock', () => {
  it('listens on the port given, and says clearly when that port is taken', async () => {
    const port = await closedPort();
    const mock = await serveMock(port);
    try {
      expect(mock.output).toContain(`SuprSend mock listening on http://127.0.0.1:${port}`);
      const taken = spawnSync(node, ['dist/demo/index.js', '--serve', String(port)], { encoding: 'utf8', timeout: 20_000 });
      expect(taken.status).toBe(1);
      expect(taken.stderr).toBe(
        `Port ${port} on 127.0.0.1 is taken (another mock, or another program). Choose another: npm run mock -- 9000 (or SUPRSEND_MOCK_PORT=9000), and set INPUT_base-url in .env to match.\n`
      );
      expect(taken.stderr).not.toMatch(/\n\s+at /);
    } finally {
      mock.stop();
    }
  });

  it('reads the port from SUPRSEND_MOCK_PORT too, and refuses one that is not a port', async () => {
    const port = await closedPort();
    const child = spawn(node, ['dist/demo/index.js', '--serve'], {
      env: { ...process.env, SUPRSEND_MOCK_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    const said = await new Promise<string>((r) =>
      child.stdout.once('data', (c: Buffer) => {
        r(c.toString());
      })
    );
    child.kill();
    expect(said).toContain(`http://127.0.0.1:${port}`);
    const bad = spawnSync(node, ['dist/demo/index.js', '--serve', 'eighty'], { encoding: 'utf8' });
    expect([bad.status, bad.stderr.trim()]).toEqual([
      2,
      `The mock's port must be a number from 1 to 65535, got "eighty": npm run mock -- 9000`
    ]);
  });
});

describe('npm run local-action', () => {
  it('without .env says what to do, instead of a stack trace', () => {
    const result = spawnSync(node, [resolve('tools/local-action.mjs')], { cwd: mkdtempSync(join(tmpdir(), 'no-env-')), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^No \.env here\. Copy the example and start the mock first:\n {2}cp \.env\.example \.env\n {2}npm run mock/
    );
  });
});
