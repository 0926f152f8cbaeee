/**
 * Rotation you can schedule and forget, end to end through dist/ against the fake SuprSend (which
 * serves the hub's key check too) and the fake GitHub: a failure at every step, before and after the
 * commit point; two rotations that overlap; a key the hub refuses; a grace period on both sides of
 * its boundary; the advice of a rotation that fails part way, followed to the letter. Rows of #23.
 */
import { describe, expect, it } from '@jest/globals';
import type { Fault } from '../../tools/mock-server.js';
import type { RunResult } from '../../tools/run-action.js';
import { NODES, theError, withGitHub, type Harness } from '../../test-support/e2e.js';
import type { FaultAnswer } from '../../test-support/fake-github.js';
import { liveKeys, STORE_SECRET } from '../../test-support/github-scenarios.js';
import { ago, DAY } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const ROTATE = { ...STORE_SECRET, command: 'rotate' };
const HOUR = 3_600_000;
const SECRET = 'acme/shop/SUPRSEND_API_KEY';
const created = (h: Harness): string | undefined =>
  h.mock.keys.get('staging')!.find((k) => k.name === 'backend' && k.created_by?.name !== 'seed')?.id;
const seed = (h: Harness, days: number): string =>
  h.mock.addKey('staging', { name: 'backend', created_at: ago(days * DAY), created_by: { name: 'seed', email: 'seed@example.com' } }).id;

interface Step {
  suprsend?: (r: { method: string; path: string }) => Fault | undefined;
  github?: (m: string, p: string) => FaultAnswer | undefined;
}

describe('a failure at every step of a rotation', () => {
  // Before the commit point nothing is left behind; after it, the new key stays and nothing older is disabled.
  const steps: [string, Step, 'nothing made' | 'rolled back'][] = [
    [
      'the listing',
      { suprsend: (r) => (r.method === 'GET' && r.path.includes('ws_api_key') ? { status: 400, body: '{"message":"no"}' } : undefined) },
      'nothing made'
    ],
    [
      'the public key (GitHub, before minting)',
      { github: (m, p) => (m === 'GET' && p.endsWith('/public-key') ? { status: 403, message: 'no' } : undefined) },
      'nothing made'
    ],
    ['the create', { suprsend: (r) => (r.method === 'POST' ? { status: 400, body: '{"message":"no"}' } : undefined) }, 'nothing made'],
    ['the hub key check', { suprsend: (r) => (r.path === '/v1/tenant/' ? { status: 404, body: '{}' } : undefined) }, 'rolled back'],
    ['the secret write', { github: (m) => (m === 'PUT' ? { status: 422, message: 'no' } : undefined) }, 'rolled back']
  ];

  // create, checked and stored (if-exists: fail lists first), fails at the same steps the same way.
  const CREATE = { ...STORE_SECRET, 'verify-key': 'true', 'if-exists': 'fail', name: 'other' };
  const both: [string, string, string, Step][] = steps.flatMap(([step, fault, outcome]): [string, string, string, Step][] => [
    ['rotate', step, outcome, fault],
    ['create', step, outcome, fault]
  ]);
  it.each(both)('%s: %s fails: %s', async (command, _step, outcome, fault) => {
    await withGitHub(
      node,
      { ...(fault.github ? { fail: fault.github } : {}), mock: { ...(fault.suprsend ? { fault: fault.suprsend } : {}) } },
      async (h, gh, env) => {
        const older = seed(h, 50);
        const result = await h.run({ ...(command === 'rotate' ? ROTATE : CREATE), retries: '0' }, { env });
        expect(result.exitCode).toBe(1);
        expect(liveKeys(h)).toEqual([older]);
        expect(gh.secrets.get(SECRET)).toBeUndefined();
        if (outcome === 'nothing made') expect(created(h)).toBeUndefined();
        else expect(theError(result)).toMatch(/The new key ws_apik_\w+ was disabled again/);
      }
    );
  });

  it.each<[string, Step]>([
    [
      'the still-active listing',
      {
        suprsend: (r) =>
          r.method === 'GET' && r.path.includes('ws_api_key') && listings++ === 1 ? { status: 400, body: '{"message":"no"}' } : undefined
      }
    ],
    ['disabling the older key', { suprsend: (r) => (r.method === 'DELETE' ? { status: 400, body: '{"message":"no"}' } : undefined) }]
  ])('after the commit point, %s fails: the new key stays stored, the error says what the secret holds', async (_step, fault) => {
    listings = 0;
    await withGitHub(node, { mock: { ...(fault.suprsend ? { fault: fault.suprsend } : {}) } }, async (h, gh, env) => {
      const older = seed(h, 50);
      const result = await h.run({ ...ROTATE, retries: '0' }, { env });
      const fresh = created(h)!;
      expect(theError(result)).toContain(`The new key ${fresh} is in place and repository secret SUPRSEND_API_KEY in acme/shop holds it`);
      expect(theError(result)).toContain(`command 'delete' and key-id '${older}'`);
      expect(gh.secrets.get(SECRET)).toBe(h.mock.secrets[0]);
      expect(liveKeys(h).sort()).toEqual([older, fresh].sort());
      // A real run that stopped before disabling never reads as a dry run.
      expect(result.stdout).not.toContain('would be disabled');
      if (_step === 'the still-active listing') {
        expect(result.stdout).toMatch(
          new RegExp(`Older key "backend" \\(${older}, SS\\.\\w+\\*+\\): not disabled: the rotation stopped before disabling older keys\\.`)
        );
        expect(result.stdout).toContain('1 new key, no older key disabled, 0 older kept.');
      }
    });
  });
});
let listings = 0;

describe('two rotations that overlap', () => {
  it('the slower one finds its key disabled by the other before disabling anything, and fails saying a re-run fixes it', async () => {
    let puts = 0;
    let aWrites = false;
    // Run A's secret write waits 3 s at GitHub; run B rotates fully meanwhile; then A's write lands.
    const delayMs = (method: string): number => {
      if (method !== 'PUT' || puts++ > 0) return 0;
      aWrites = true;
      return 3000;
    };
    await withGitHub(node, { delayMs }, async (h, gh, env) => {
      const older = seed(h, 50);
      const a = h.run(ROTATE, { env });
      while (!aWrites) await new Promise((r) => setTimeout(r, 50));
      const b = await h.run(ROTATE, { env });
      expect(b.exitCode).toBe(0);
      const first: RunResult = await a;
      const keyA = first.outputs['key-id']!;
      expect(theError(first)).toMatch(
        new RegExp(
          `^The new key ${keyA} was disabled while this rotation ran, most likely by another rotation .* No older key was disabled\\. Run the rotation again`
        )
      );
      // B disabled A's key as older; A's write landed last, so the secret holds A's (disabled) key until the re-run.
      expect(gh.secrets.get(SECRET)).toBe(h.mock.secrets[0]);
      expect(liveKeys(h)).toEqual([b.outputs['key-id']]);
      expect(liveKeys(h)).not.toContain(older);
      const rerun = await h.run(ROTATE, { env });
      expect(rerun.exitCode).toBe(0);
      expect(gh.secrets.get(SECRET)).toBe(h.mock.secrets[2]);
    });
  });
});

describe('the new key works before anything depends on it', () => {
  it('a key the hub refuses for the first few seconds is asked again, then stored', async () => {
    await withGitHub(node, { mock: { hubAcceptsAfterMs: 3000 } }, async (h, gh, env) => {
      const older = seed(h, 50);
      const result = await h.run(ROTATE, { env });
      expect(result.exitCode).toBe(0);
      expect(h.mock.requests.filter((r) => r.path === '/v1/tenant/').length).toBeGreaterThan(1);
      expect(gh.secrets.get(SECRET)).toBe(h.mock.secrets[0]);
      expect(liveKeys(h)).not.toContain(older);
    });
  });

  it('a key the hub never accepts: disabled after about 30 s, nothing stored, no older key touched', async () => {
    await withGitHub(node, { mock: { hubAcceptsAfterMs: Number.POSITIVE_INFINITY } }, async (h, gh, env) => {
      const older = seed(h, 50);
      const error = theError(await h.run(ROTATE, { env }));
      expect(error).toMatch(
        /^SuprSend's hub \(http:\/\/127\.0\.0\.1:\d+\/\) did not accept the new key: HTTP 401 to each of \d+ checks over 30 s/
      );
      expect(error).toMatch(/The new key ws_apik_\w+ was disabled again/);
      expect(gh.requests.filter((r) => r.method === 'PUT')).toEqual([]);
      expect(liveKeys(h)).toEqual([older]);
    });
  }, 60_000);

  it('verify-key: false sends nothing to the hub', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      seed(h, 50);
      expect((await h.run({ ...ROTATE, 'verify-key': 'false' }, { env })).exitCode).toBe(0);
      expect(h.mock.requests.filter((r) => r.path === '/v1/tenant/')).toEqual([]);
    });
  });

  it("create checks only when asked ('verify-key: true')", async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      await h.run(STORE_SECRET, { env });
      expect(h.mock.requests.filter((r) => r.path === '/v1/tenant/')).toEqual([]);
      await h.run({ ...STORE_SECRET, 'verify-key': 'true' }, { env });
      expect(h.mock.requests.filter((r) => r.path === '/v1/tenant/')).toHaveLength(1);
    });
  });
});

describe('a grace period', () => {
  it.each([
    ['24h', '1d', true],
    ['48h', '2d', false]
  ])(
    'grace-period %s: the oldest key, whose newer sibling is 36 hours old, (shown as %s) is disabled: %s',
    async (grace, shown, disabled) => {
      await withGitHub(node, undefined, async (h, _gh, env) => {
        const oldest = seed(h, 10);
        const mid = h.mock.addKey('staging', { name: 'backend', created_at: new Date(Date.now() - 36 * HOUR).toISOString() }).id;
        const result = await h.run({ ...ROTATE, 'grace-period': grace }, { env });
        expect(result.exitCode).toBe(0);
        // The key just older than the new one is always in grace: the new key is minutes old.
        expect(liveKeys(h)).toContain(mid);
        expect(liveKeys(h).includes(oldest)).toBe(!disabled);
        expect(JSON.parse(result.outputs['planned-key-ids']!)).toEqual(disabled ? [oldest] : []);
        expect(result.stdout).toMatch(
          new RegExp(`${mid}.*kept: in its grace period until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC \\(grace-period: ${shown}`)
        );
      });
    }
  );

  it('delete by name with a grace period: the newest key is never disabled, an older one once its newer sibling is old enough', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      const oldest = seed(h, 10);
      const mid = seed(h, 5);
      const newest = seed(h, 1);
      const result = await h.run({ command: 'delete', name: 'backend', 'grace-period': '3d' }, { env });
      expect(result.exitCode).toBe(0);
      // oldest's newer sibling (mid) is 5 days old: past 3d. mid's (newest) is 1 day old: in grace. newest has no newer key.
      expect(JSON.parse(result.outputs['deleted-key-ids']!)).toEqual([oldest]);
      expect(liveKeys(h).sort()).toEqual([mid, newest].sort());
      expect(result.stdout).toContain("a delete with a grace period never disables a name's newest key (grace-period: 3d)");
    });
  });

  it('rotate without secret-name is refused, unless the older keys outlive the job (keep: 2, or a grace period)', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      seed(h, 50);
      const bare = { command: 'rotate', name: 'backend' };
      expect(theError(await h.run(bare, { env }))).toMatch(
        /^Input 'secret-name': is required for command 'rotate' unless the older keys outlive this job/
      );
      expect(h.mock.requests).toEqual([]);
      expect((await h.run({ ...bare, 'grace-period': '1h' }, { env })).exitCode).toBe(0);
    });
  });
});

describe('advice that is true', () => {
  it('followed to the letter, it disables exactly what is left, never a key keep promised', async () => {
    let failing = true;
    const fault = (r: { method: string }): Fault | undefined =>
      failing && r.method === 'DELETE' ? { status: 500, body: '{"message":"down"}' } : undefined;
    await withGitHub(node, { mock: { fault } }, async (h, _gh, env) => {
      const oldest = seed(h, 50);
      const previous = seed(h, 20);
      const result = await h.run({ ...ROTATE, keep: '2', retries: '0' }, { env });
      const advice = /command 'delete' and key-id '([^']+)'/.exec(theError(result))?.[1];
      expect(advice).toBe(oldest);
      failing = false;
      const finish = await h.run({ command: 'delete', 'key-id': advice! }, { env });
      expect(finish.exitCode).toBe(0);
      expect(liveKeys(h).sort()).toEqual([previous, result.outputs['key-id']!].sort());
    });
  });
});
