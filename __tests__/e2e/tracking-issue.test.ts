/**
 * The audit's tracking issue, end to end through dist/ against the fake SuprSend and the fake
 * GitHub: opened when keys are stale, updated in place (found by its marker after people renamed
 * it), closed when clean, never closed while a workspace could not be listed, untouched by a dry
 * run, one per title (a racing audit's duplicate closed, a lost open looked for before it is sent
 * again), within GitHub's 65,536 characters, and its failure not losing the audit. Rows of #25.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withGitHub, type Harness } from '../../test-support/e2e.js';
import { GITHUB_TEST_TOKEN, type FakeGitHub } from '../../test-support/fake-github.js';
import type { FakeIssue } from '../../test-support/fake-github-issues.js';
import { calls } from '../../test-support/github-scenarios.js';
import { ago, DAY } from '../../test-support/util.js';
import { MOCK_TOKEN } from '../../tools/mock-server.js';

const node = RUNNER_NODE;
const WORKSPACES = ['production', 'staging', 'dev'];
const AUDIT = { command: 'list', workspace: '*', 'max-age-days': '90', issue: 'true', 'github-token': GITHUB_TEST_TOKEN };
const MOCK = { mock: { workspaces: WORKSPACES } };

/** Two stale keys in production (200 and 120 days), one in dev (400 days), a fresh one in staging. */
function seedStale(h: Harness): void {
  h.mock.addKey('production', { name: 'backend', created_at: ago(200 * DAY) });
  h.mock.addKey('production', { name: 'worker', created_at: ago(120 * DAY) });
  h.mock.addKey('staging', { name: 'backend', created_at: ago(5 * DAY) });
  h.mock.addKey('dev', { name: 'backend', created_at: ago(400 * DAY) });
}

/** Every stale key rotated: the old ones disabled, a fresh one in their place. */
function rotateAll(h: Harness): void {
  for (const [workspace, keys] of h.mock.keys) {
    for (const key of keys) if (!key.is_deleted && Date.parse(key.created_at ?? '') < Date.now() - 90 * DAY) key.is_deleted = true;
    h.mock.addKey(workspace, { name: 'backend', created_at: ago(DAY) });
  }
}

const issuesOf = (gh: FakeGitHub): FakeIssue[] => gh.issues.of('acme/shop').filter((i) => i.pull_request === undefined);
const writes = (gh: FakeGitHub): string[] => calls(gh).filter((c) => !c.startsWith('GET '));

describe('the tracking issue', () => {
  it('is opened when keys are stale, listing them per workspace, oldest first, with the rotate step that fixes them', async () => {
    await withGitHub(node, MOCK, async (h, gh, env) => {
      seedStale(h);
      // An open pull request and someone else's issue are never taken for it.
      gh.issues.seed('acme/shop', { title: 'Add a feature', body: 'x', pull_request: true });
      gh.issues.seed('acme/shop', { title: 'SuprSend API keys due for rotation', body: 'filed by hand' });
      const result = await h.run(AUDIT, { env: { ...env, GITHUB_RUN_ID: '77', GITHUB_SERVER_URL: 'https://github.test' } });
      expect(result.exitCode).toBe(0);
      const opened = issuesOf(gh).filter((i) => i.number > 2);
      expect(opened).toHaveLength(1);
      const [issue] = opened as [FakeIssue];
      expect(issue.title).toBe('SuprSend API keys due for rotation');
      expect(issue.body).toMatch(
        /^<!-- suprsend-key-action tracking-issue [0-9a-f]{16} -->\n\*\*3 SuprSend API keys are older than 90 days\*\* in 2 of 3 workspaces/
      );
      expect(issue.body).toContain('https://github.test/acme/shop/actions/runs/77');
      // Oldest first: dev (400 days) before production (200, then 120).
      expect(issue.body.indexOf('<code>dev</code>')).toBeLessThan(issue.body.indexOf('<code>production</code>'));
      expect(issue.body.indexOf('200 days')).toBeLessThan(issue.body.indexOf('120 days'));
      expect(issue.body).toContain('          command: rotate\n          workspace: "production"\n          name: ${{ matrix.name }}');
      expect(issue.body).toContain('name: ["backend", "worker"]');
      expect(issue.body).not.toContain('<code>staging</code>');
      expect(result.outputs['issue-number']).toBe(String(issue.number));
      expect(result.outputs['issue-url']).toBe(`https://github.test/acme/shop/issues/${issue.number}`);
      // Written after the audit's outputs, which are all there.
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toHaveLength(3);
      expect(result.stdout).toContain(
        `Opened issue #${issue.number} (https://github.test/acme/shop/issues/${issue.number}) listing 3 stale keys.`
      );
      expect(result.summary.split('\n').slice(0, 3).join('\n')).toContain('Tracking issue:');
      // 'github-token' is read by the issue: it is not "ignored".
      expect(result.stdout).not.toMatch(/github-token' does nothing/);
    });
  });

  it('is updated in place on the next run, found by its marker after people renamed it; then closed with a comment once the keys are rotated', async () => {
    await withGitHub(node, MOCK, async (h, gh, env) => {
      seedStale(h);
      expect((await h.run(AUDIT, { env })).exitCode).toBe(0);
      const [issue] = issuesOf(gh) as [FakeIssue];
      issue.title = 'Rotate the SuprSend keys (owner: platform team)';
      h.mock.addKey('staging', { name: 'cron', created_at: ago(95 * DAY) });

      const again = await h.run(AUDIT, { env });
      expect(again.exitCode).toBe(0);
      expect(issuesOf(gh)).toHaveLength(1);
      expect(issue.title).toBe('Rotate the SuprSend keys (owner: platform team)');
      expect(issue.body).toMatch(/\*\*4 SuprSend API keys are older than 90 days\*\* in 3 of 3 workspaces/);
      expect(again.outputs['issue-number']).toBe(String(issue.number));
      expect(again.stdout).toContain(
        `Updated issue #${issue.number} (https://github.test/acme/shop/issues/${issue.number}) to list 4 stale keys.`
      );
      expect(writes(gh).filter((c) => c.startsWith('POST'))).toEqual(['POST /repos/acme/shop/issues']);

      rotateAll(h);
      const clean = await h.run(AUDIT, { env });
      expect(clean.exitCode).toBe(0);
      expect([issue.state, issue.state_reason]).toEqual(['closed', 'completed']);
      expect(issue.comments).toHaveLength(1);
      expect(issue.comments[0]).toMatch(
        /^No SuprSend API key is older than 90 days in the 3 workspaces audited on \d{4}-\d\d-\d\d: closing\./
      );
      expect(clean.outputs['issue-number']).toBe(String(issue.number));
      expect(clean.stdout).toContain(`No key is stale any more: commented on and closed issue #${issue.number}`);

      // Clean again: nothing is open, nothing is written.
      const before = writes(gh).length;
      const quiet = await h.run(AUDIT, { env });
      expect(quiet.exitCode).toBe(0);
      expect(writes(gh)).toHaveLength(before);
      expect(quiet.outputs['issue-number']).toBe('');
      expect(quiet.stdout).toContain('No key is stale and no tracking issue is open: the issue is left alone.');
    });
  });

  it('is never closed while a covered workspace could not be listed', async () => {
    let broken = false;
    const fault = (r: { path: string }) =>
      broken && r.path.startsWith('/v1/dev/') ? { status: 503, body: '{"message":"maintenance"}' } : undefined;
    await withGitHub(node, { mock: { workspaces: WORKSPACES, fault } }, async (h, gh, env) => {
      seedStale(h);
      expect((await h.run(AUDIT, { env })).exitCode).toBe(0);
      const [issue] = issuesOf(gh) as [FakeIssue];
      // production's keys are rotated; dev's are not, and dev cannot be read.
      for (const key of h.mock.keys.get('production') ?? []) key.is_deleted = true;
      broken = true;
      const result = await h.run({ ...AUDIT, retries: '0' }, { env });
      expect(theError(result)).toMatch(/^Could not finish in 1 of 3 workspaces/);
      expect(issue.state).toBe('open');
      expect(issue.comments).toEqual([]);
      expect(result.stdout).toContain(`workspace 'dev' could not be listed: issue #${issue.number}`);
      expect(result.stdout).toContain('stays open until an audit reads every workspace');
    });
  });

  it('a dry run says what it would open, update or close, and writes nothing', async () => {
    await withGitHub(node, MOCK, async (h, gh, env) => {
      seedStale(h);
      const wouldOpen = await h.run({ ...AUDIT, 'dry-run': 'true' }, { env });
      expect(wouldOpen.exitCode).toBe(0);
      expect(wouldOpen.stdout).toContain(
        'Dry run: would open an issue titled "SuprSend API keys due for rotation" listing 3 stale keys; nothing was written.'
      );
      expect(writes(gh)).toEqual([]);
      expect(wouldOpen.outputs['issue-number']).toBe('');

      expect((await h.run(AUDIT, { env })).exitCode).toBe(0);
      const [issue] = issuesOf(gh) as [FakeIssue];
      const body = issue.body;
      const written = writes(gh).length;
      h.mock.addKey('staging', { name: 'cron', created_at: ago(95 * DAY) });
      const wouldUpdate = await h.run({ ...AUDIT, 'dry-run': 'true' }, { env });
      expect(wouldUpdate.stdout).toContain(`Dry run: would update issue #${issue.number}`);
      rotateAll(h);
      const wouldClose = await h.run({ ...AUDIT, 'dry-run': 'true' }, { env });
      expect(wouldClose.stdout).toContain(`No key is stale any more: would comment on and close issue #${issue.number}`);
      expect(writes(gh)).toHaveLength(written);
      expect([issue.state, issue.body]).toEqual(['open', body]);
    });
  });

  it('a failure to write it fails the step saying why (issues: write), and the audit is not lost', async () => {
    await withGitHub(node, { ...MOCK, issuesReadOnly: ['acme/shop'] }, async (h, gh, env) => {
      seedStale(h);
      const result = await h.run(AUDIT, { env });
      const error = theError(result);
      expect(error).toMatch(
        /^The tracking issue was not written: GitHub refused to open the tracking issue in acme\/shop: HTTP 403 \(Resource not accessible by integration\)/
      );
      expect(error).toContain('`permissions: issues: write`');
      expect(error).toContain('The audit itself is done: its outputs and job summary are written.');
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toHaveLength(3);
      expect(result.outputs.count).toBe('4');
      expect(result.outputs['issue-number']).toBe('');
      expect(result.summary).toMatch(/^### 4 keys in 3 workspaces, 3 stale/);
      expect(result.summary).toContain('The tracking issue was not written');
      expect(issuesOf(gh)).toEqual([]);
    });
  });

  it('an open whose answer was lost is looked for before it is sent again: never a second issue', async () => {
    let posts = 0;
    // The first open lands, but its answer is a 502.
    const fail = (method: string, path: string) =>
      method === 'POST' && path === '/repos/acme/shop/issues' && posts++ === 0
        ? { status: 502, message: 'Bad Gateway', apply: true }
        : undefined;
    await withGitHub(node, { ...MOCK, fail }, async (h, gh, env) => {
      seedStale(h);
      const result = await h.run(AUDIT, { env });
      expect(result.exitCode).toBe(0);
      expect(issuesOf(gh)).toHaveLength(1);
      expect(calls(gh)).toEqual([
        'GET /repos/acme/shop/issues',
        'POST /repos/acme/shop/issues',
        'GET /repos/acme/shop/issues',
        'GET /repos/acme/shop/issues'
      ]);
      expect(result.outputs['issue-number']).toBe('1');
    });
    // The first open does not land: it is sent again once the list shows it missing.
    posts = 0;
    const lost = (method: string, path: string) =>
      method === 'POST' && path === '/repos/acme/shop/issues' && posts++ === 0 ? { status: 502, message: 'Bad Gateway' } : undefined;
    await withGitHub(node, { ...MOCK, fail: lost }, async (h, gh, env) => {
      seedStale(h);
      expect((await h.run(AUDIT, { env })).exitCode).toBe(0);
      expect(issuesOf(gh)).toHaveLength(1);
      expect(calls(gh).filter((c) => c === 'POST /repos/acme/shop/issues')).toHaveLength(2);
    });
  });

  it('goes through the guarded transport: a rate limit on listing the issues is waited out and retried', async () => {
    let lists = 0;
    const fail = (method: string, path: string) =>
      method === 'GET' && path === '/repos/acme/shop/issues' && lists++ === 0
        ? { status: 429, message: 'API rate limit exceeded', headers: { 'retry-after': '1' } }
        : undefined;
    await withGitHub(node, { ...MOCK, fail }, async (h, gh, env) => {
      seedStale(h);
      const result = await h.run(AUDIT, { env });
      expect(result.exitCode).toBe(0);
      const [first, second] = gh.requests;
      expect([first?.status, second?.status]).toEqual([429, 200]);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
      expect(issuesOf(gh)).toHaveLength(1);
    });
  });

  it('two audits racing: both open one, and the later closes its own as a duplicate of the older', async () => {
    // Both list before either open lands (2 s covers the two processes starting apart on a loaded machine).
    const delayMs = (method: string, path: string): number => (method === 'POST' && path === '/repos/acme/shop/issues' ? 2000 : 0);
    await withGitHub(node, { ...MOCK, delayMs }, async (h, gh, env) => {
      seedStale(h);
      const [a, b] = await Promise.all([h.run(AUDIT, { env }), h.run(AUDIT, { env })]);
      expect([a.exitCode, b.exitCode]).toEqual([0, 0]);
      const [first, second] = issuesOf(gh) as [FakeIssue, FakeIssue];
      expect([first.state, second.state, second.state_reason]).toEqual(['open', 'closed', 'not_planned']);
      expect(second.comments).toEqual([
        `Duplicate of #${first.number}: two audits ran at the same time and both opened an issue. #${first.number} tracks these keys.`
      ]);
      expect([a.outputs['issue-number'], b.outputs['issue-number']]).toEqual([String(first.number), String(first.number)]);
      expect(a.stdout + b.stdout).toContain(`Closed #${second.number} as a duplicate (two audits ran at once).`);
    });
  });

  it('stays within 65,536 characters with 3,000 stale keys, and server text starts no mention, reference or expression', async () => {
    await withGitHub(node, { mock: { workspaces: ['production', 'dev'] } }, async (h, gh, env) => {
      h.mock.addKey('production', { name: '@octocat #1 ${{ secrets.X }} `x`', created_at: ago(500 * DAY) });
      // A key named with the service token (a secret the step masks) reaches GitHub redacted.
      h.mock.addKey('production', { name: `leak ${MOCK_TOKEN}`, created_at: ago(600 * DAY) });
      for (let i = 0; i < 3000; i++)
        h.mock.addKey(i % 2 ? 'dev' : 'production', { name: `svc-${i}`, created_at: ago((100 + (i % 300)) * DAY) });
      const result = await h.run(AUDIT, { env });
      expect(result.exitCode).toBe(0);
      const [issue] = issuesOf(gh) as [FakeIssue];
      expect(issue.body.length).toBeLessThanOrEqual(65_536);
      expect(issue.body).toMatch(
        /…and \d+ more stale keys in this workspace: the run's `stale-key-ids` output and job summary list them all/
      );
      expect(issue.body).not.toMatch(/@octocat|#1 |`x`/);
      for (const step of issue.body.match(/```yaml[\s\S]*?```/g) ?? []) expect(step).not.toContain('secrets.X');
      expect(issue.body).toContain('&#64;octocat &#35;1');
      expect(issue.body).not.toContain(MOCK_TOKEN);
      expect(issue.body).toContain('leak ***');
      expect(issue.body).toContain('The matrix has the first 50 of 1501 names; the table lists every stale key.');
      // The name holding '${{' is left out of the rotate step's matrix, and that is said.
      expect(issue.body).toContain('1 name holds `${{`, which a workflow would evaluate: rotate that key by key id.');
    });
  });
});

describe("the tracking issue's inputs", () => {
  it("'issue: true' needs 'github-token' (and says the workflow's token is enough) and 'max-age-days'", async () => {
    await withGitHub(node, MOCK, async (h, gh, env) => {
      const noToken = await h.run({ command: 'list', 'max-age-days': '90', issue: 'true' }, { env });
      expect(theError(noToken)).toBe(
        "Input 'github-token': is required with 'issue: true': the issue is written with it. The workflow's own token is enough: github-token: ${{ github.token }}, with `permissions: issues: write` on the job."
      );
      const noAge = await h.run({ command: 'list', issue: 'true', 'github-token': GITHUB_TEST_TOKEN }, { env });
      expect(theError(noAge)).toMatch(/^Input 'issue': needs 'max-age-days'/);
      const onCreate = await h.run({ command: 'create', name: 'k', issue: 'true' }, { env });
      expect(theError(onCreate)).toMatch(/^Input 'issue': does not apply to command 'create'\. It is read by command 'list'/);
      const titleAlone = await h.run({ command: 'list', 'issue-title': 'Keys' }, { env });
      expect(theError(titleAlone)).toBe("Input 'issue-title': only applies with 'issue: true': set that too, or remove the title.");
      const dryList = await h.run({ command: 'list', 'dry-run': 'true' }, { env });
      expect(theError(dryList)).toMatch(/^Input 'dry-run': does not apply to command 'list' without 'issue: true'/);
      expect(gh.requests).toEqual([]);
      expect(h.mock.requests).toEqual([]);
    });
  });
});
