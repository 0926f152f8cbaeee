/**
 * Any number of workspaces within a few open files: the keys file holds no descriptor per
 * workspace. An account of 1,200 workspaces, listed with `workspace: '*'` by dist/ under an
 * open-file limit of 256 (common on self-hosted runners; macOS defaults to 256), as the runner runs it.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { MOCK_TOKEN, startMockServer } from '../../tools/mock-server.js';
import { runAction } from '../../tools/run-action.js';
import { DEFAULTS, ENTRY, expectNoLeak, RUNNER_NODE } from '../../test-support/e2e.js';

/** util-linux's prlimit runs a program under a lower limit (on every Debian and Ubuntu runner); elsewhere there is none to use. */
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));

(PRLIMIT === undefined ? describe.skip : describe)('many workspaces', () => {
  it('1,200 workspaces under an open-file limit of 256: every one listed, one keys file', async () => {
    const workspaces = Array.from({ length: 1200 }, (_, i) => `ws-${i}`);
    const mock = await startMockServer({ workspaces });
    try {
      for (const w of workspaces) mock.addKey(w, { name: 'api' });
      const result = await runAction({
        entry: ENTRY,
        node: PRLIMIT!,
        nodeArgs: ['--nofile=256:256', RUNNER_NODE],
        inputs: { 'service-token': MOCK_TOKEN, workspace: '*', 'base-url': mock.url, command: 'list', summary: 'false' },
        defaults: DEFAULTS,
        killAfterMs: 110_000
      });
      expectNoLeak(result, [MOCK_TOKEN]);
      expect(result.errors).toEqual([]);
      expect(result.exitCode).toBe(0);
      expect(result.outputs.count).toBe('1200');
      const file = result.tempFiles[result.outputs['keys-file']!]!;
      expect((JSON.parse(file) as unknown[]).length).toBe(1200);
    } finally {
      await mock.close();
    }
  }, 120_000);
});

describe('an account of 5,000 workspaces', () => {
  it('one key each: the summary stays within 1 MiB, the overview has every workspace, and one line says where the keys are', async () => {
    const workspaces = Array.from({ length: 5000 }, (_, i) => `ws-${i}`);
    const mock = await startMockServer({ workspaces });
    try {
      for (const w of workspaces) mock.addKey(w, { name: 'api' });
      const result = await runAction({
        entry: ENTRY,
        node: RUNNER_NODE,
        inputs: { 'service-token': MOCK_TOKEN, workspace: '*', 'base-url': mock.url, command: 'list', 'max-age-days': '90' },
        defaults: DEFAULTS,
        killAfterMs: 110_000
      });
      expect(result.errors).toEqual([]);
      expect(result.outputs.count).toBe('5000');
      expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(1024 * 1024);
      expect(result.summary).toMatch(/^### 5000 keys in 5000 workspaces, 0 stale \(older than 90 days\)\n/);
      // The overview has every workspace, before any workspace's own table.
      expect(result.summary.indexOf('<tr><td>ws-4999</td><td>1</td>')).toBeGreaterThan(0);
      // No 5,000 empty tables: one line says why, and where every key is.
      expect(result.summary).not.toContain('<details>');
      expect(result.summary).toContain(
        'No table per workspace: 5000 workspaces leave too little of a job summary&#39;s 1 MiB for one each. The overview above has every workspace; the &#39;keys-file&#39; output has every key.'
      );
    } finally {
      await mock.close();
    }
  }, 120_000);
});
