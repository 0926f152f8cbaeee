/**
 * An audit inside GitHub's limits, end to end through dist/: an account of 8 workspaces and 300 keys,
 * 110 of them stale, audited with `workspace: '*'`, `max-age-days: 90`, `fail-on-stale: true`. GitHub
 * shows 10 warning annotations a step: they must be the oldest keys, and the last says how many more.
 * The failing error is short; with `summary: false` the log points to no summary. Rows of #25.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withMock, type Harness } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

const node = RUNNER_NODE;
const WORKSPACES = ['production', 'staging', 'eu-1', 'eu-2', 'us-1', 'us-2', 'ap-1', 'dev'];

/** 296 keys over 8 workspaces (37 each); 14 of each are older than 90 days, and the oldest (390 to 398 days) are in the last workspace listed. */
function seed(h: Harness): void {
  for (const workspace of WORKSPACES) {
    for (let i = 0; i < 37; i++) {
      const days = i >= 14 ? 10 : workspace === 'dev' ? 390 + (i % 9) : 91 + i * 7;
      h.mock.addKey(workspace, { name: `svc-${i % 7}`, created_at: ago(days * DAY) });
    }
  }
}

describe('an audit inside GitHub limits', () => {
  it('at most 10 warnings, the oldest keys first, the last one saying how many more; a short error', async () => {
    await withMock(node, { workspaces: WORKSPACES }, async (h) => {
      seed(h);
      const result = await h.run({ command: 'list', workspace: '*', 'max-age-days': '90', 'fail-on-stale': 'true' });
      const stale = JSON.parse(result.outputs['stale-key-ids']!) as string[];
      expect(stale).toHaveLength(112);
      expect(result.warnings).toHaveLength(10);
      const ages = result.warnings.slice(0, 9).map((w) => Number(/is (\d+) days old/.exec(w)?.[1]));
      // The nine shown are the oldest of the account, in order.
      expect(ages).toEqual([...ages].sort((a, b) => b - a));
      expect(Math.min(...ages)).toBeGreaterThanOrEqual(390);
      expect(result.warnings[9]).toMatch(
        new RegExp(
          `^${stale.length - 9} more stale or undated keys are not annotated \\(GitHub shows 10 warnings a step\\): the job summary lists every stale key`
        )
      );
      const error = theError(result);
      expect(error.length).toBeLessThan(400);
      expect(error).toMatch(
        /^\d+ keys are older than 90 days \(production: \d+, .*dev: \d+\); the 'stale-key-ids' output and the job summary list them/
      );
    });
  });

  it('with summary: false, the log points to no summary', async () => {
    await withMock(node, { workspaces: WORKSPACES }, async (h) => {
      seed(h);
      const result = await h.run({ command: 'list', workspace: '*', 'max-age-days': '90', summary: 'false' });
      expect(result.exitCode).toBe(0);
      expect(result.summary).toBe('');
      expect(result.stdout).not.toMatch(/job summary/);
      expect(result.stdout).toContain('The keys-file output has them all.');
    });
  });

  const MiB = 1024 * 1024;
  it.each([
    ['a delete dry run over 7,000 keys', { command: 'delete', name: 'api', 'dry-run': 'true' }, ['staging'], 7000, 'planned-key-ids'],
    [
      'a rotate dry run over 7,000 older keys',
      { command: 'rotate', name: 'api', 'dry-run': 'true', keep: '2' },
      ['staging'],
      7000,
      'planned-key-ids'
    ],
    [
      '9,000 stale keys across two workspaces',
      { command: 'list', workspace: '*', 'max-age-days': '90' },
      ['staging', 'production'],
      4500,
      'keys-file'
    ]
  ])(
    '%s: the summary stays within 1 MiB, cut with a note saying where the rest is',
    async (_label, inputs, workspaces, perWorkspace, output) => {
      await withMock(node, { workspaces }, async (h) => {
        for (const w of workspaces)
          for (let i = 0; i < perWorkspace; i++) h.mock.addKey(w, { name: 'api', created_at: ago((100 + (i % 300)) * DAY) });
        const result = await h.run(inputs);
        expect(result.exitCode).toBe(0);
        expect(Buffer.byteLength(result.summary)).toBeLessThanOrEqual(MiB);
        expect(result.summary).toMatch(/(…and \d+ more (rows|keys) not shown: a job summary holds at most 1 MiB)/);
        expect(result.summary).toContain(output);
      });
    },
    60_000
  );
});
