/**
 * command: rotate, end to end through dist/ with the fake SuprSend server and a fake
 * GitHub API that opens every sealed box: a new key first, stored, and only then the
 * older keys disabled; nothing half-done when a step fails; GitHub's rate limits retried.
 */
import { describe, expect, it } from '@jest/globals';
import { GITHUB_TEST_TOKEN } from '../../test-support/fake-github.js';
import { type Harness, logOf, NODES, theError, withGitHub, withMock } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const secret = { 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN };

/** Two older active keys of the name, a day apart, and one of another name. */
function seed(h: Harness): { older: string; oldest: string; other: string } {
  return {
    oldest: h.mock.addKey('staging', { name: 'backend', created_at: ago(200 * DAY) }).id,
    older: h.mock.addKey('staging', { name: 'backend', created_at: ago(100 * DAY) }).id,
    other: h.mock.addKey('staging', { name: 'worker', created_at: ago(300 * DAY) }).id
  };
}
/** What reached the fake SuprSend: "GET" (a listing), "POST", "DELETE <id>", "HUB" (the key check). */
const calls = (h: Harness): string[] =>
  h.mock.requests.map((r) => (r.path === '/v1/tenant/' ? 'HUB' : `${r.method} ${r.path.split('/')[4] ?? ''}`.trim()));
const active = (h: Harness, name: string): string[] =>
  h.mock.keys
    .get('staging')!
    .filter((k) => k.name === name && !k.is_deleted)
    .map((k) => k.id);

describe('rotate', () => {
  it('creates one key, checks it, stores it, checks it is still active, then disables the older ones', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      const { older, oldest, other } = seed(h);
      const result = await h.run({ command: 'rotate', name: 'backend', ...secret }, { env });
      expect(result.exitCode).toBe(0);
      const created = result.outputs['key-id']!;
      expect(calls(h).slice(0, 4)).toEqual(['GET', 'POST', 'HUB', 'GET']);
      expect(calls(h).slice(4).sort()).toEqual([`DELETE ${older}`, `DELETE ${oldest}`].sort());
      expect(active(h, 'backend')).toEqual([created]);
      expect(active(h, 'worker')).toEqual([other]);
      expect(result.outputs).toMatchObject({ created: 'true', 'api-key': h.mock.secrets[0] });
      expect((JSON.parse(result.outputs['deleted-key-ids']!) as string[]).sort()).toEqual([older, oldest].sort());
      expect(result.outputs['planned-key-ids']).toBe(JSON.stringify([older, oldest]));
      expect(logOf(result)[0]).toMatch(new RegExp(`^Created key "backend" \\(${created}, `));
      expect(logOf(result).at(-1)).toBe('1 new key, 2 older disabled, 0 older kept.');
      expect(result.summary).toMatch(/^### SuprSend API key rotated in `staging`/);
    });
  });

  it('with secret-name: stored before any older key is touched, and a notice that later jobs of this run read the previous value', async () => {
    let suprsendCallsAtPut = -1;
    // The fault callback runs inside the fake GitHub; it reads the SuprSend fake's request count at the PUT.
    let harness: Harness | undefined;
    await withGitHub(
      node,
      (method) => {
        if (method === 'PUT') suprsendCallsAtPut = harness!.mock.requests.length;
        return undefined;
      },
      async (h, gh, env) => {
        harness = h;
        seed(h);
        const result = await h.run({ command: 'rotate', name: 'backend', ...secret }, { env });
        expect(result.exitCode).toBe(0);
        expect(suprsendCallsAtPut).toBe(3); // the listing, the POST and the key check; no DELETE yet
        expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
        expect(calls(h).filter((c) => c.startsWith('POST'))).toHaveLength(1);
        expect(logOf(result)).toContain('Stored it as repository secret SUPRSEND_API_KEY in acme/shop.');
        expect(result.stdout).toMatch(
          /::notice title=Later jobs of this run read the previous secret::Later jobs of this workflow run still read the previous value/
        );
        expect(result.summary).toContain('GitHub reads repository secrets when a run is queued');
      }
    );
  });

  it('an environment secret gets no such notice: it is read when each job starts', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      seed(h);
      const result = await h.run({ command: 'rotate', name: 'backend', ...secret, 'secret-environment': 'production' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('acme/shop/env:production/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(result.stdout).not.toContain('::notice');
    });
  });

  it('when storing fails, the new key is disabled again and no older key is touched', async () => {
    await withGitHub(
      node,
      (method) => (method === 'PUT' ? { status: 403, message: 'Resource not accessible by integration' } : undefined),
      async (h, _gh, env) => {
        const { older, oldest } = seed(h);
        const result = await h.run({ command: 'rotate', name: 'backend', ...secret }, { env });
        const created = h.mock.keys.get('staging')!.at(-1)!.id;
        expect(theError(result)).toMatch(new RegExp(`HTTP 403 .*The new key ${created} was disabled again`));
        expect(calls(h)).toEqual(['GET', 'POST', 'HUB', `DELETE ${created}`]);
        expect(active(h, 'backend').sort()).toEqual([older, oldest].sort());
      }
    );
  });

  it('when disabling an older key fails, the new key stays (stored, in the outputs); the error names what is left and the step that finishes it', async () => {
    const fault = (r: { method: string; path: string }) =>
      r.method === 'DELETE' && r.path.includes('ws_apik_stuck') ? { status: 500, body: '{"message":"down"}' } : undefined;
    await withGitHub(node, { mock: { fault } }, async (h, _gh, env) => {
      h.mock.addKey('staging', { name: 'backend', id: 'ws_apik_stuck', created_at: ago(50 * DAY) });
      const result = await h.run({ command: 'rotate', name: 'backend', retries: '0', ...secret }, { env });
      const created = result.outputs['key-id']!;
      const error = theError(result);
      expect(error).toMatch(
        new RegExp(
          `^Could not disable 1 of 1 older keys in workspace 'staging'\\. The new key ${created} is in place and repository secret SUPRSEND_API_KEY in acme/shop holds it\\. ` +
            "To finish, disable that key with command 'delete' and key-id 'ws_apik_stuck' \\(not by running this rotation again"
        )
      );
      expect(error).toMatch(/\nws_apik_stuck: SuprSend failed to disable key ws_apik_stuck/);
      expect(result.outputs['api-key']).toBe(h.mock.secrets[0]);
      expect(active(h, 'backend').sort()).toEqual([created, 'ws_apik_stuck'].sort());
    });
  });

  it('keep: 2 keeps the previous key for a grace period; a re-run converges on keep keys', async () => {
    await withMock(node, {}, async (h) => {
      const { older, oldest } = seed(h);
      const first = await h.run({ command: 'rotate', name: 'backend', keep: '2' });
      expect(first.outputs['deleted-key-ids']).toBe(JSON.stringify([oldest]));
      expect(active(h, 'backend').sort()).toEqual([first.outputs['key-id']!, older].sort());
      const second = await h.run({ command: 'rotate', name: 'backend', keep: '2' });
      expect(second.outputs['deleted-key-ids']).toBe(JSON.stringify([older]));
      expect(active(h, 'backend').sort()).toEqual([first.outputs['key-id']!, second.outputs['key-id']!].sort());
      const third = await h.run({ command: 'rotate', name: 'backend', keep: '2' });
      expect(active(h, 'backend').sort()).toEqual([second.outputs['key-id']!, third.outputs['key-id']!].sort());
    });
  });

  it('a dry run sends no POST and no DELETE, and reports the plan', async () => {
    await withMock(node, {}, async (h) => {
      const { older, oldest } = seed(h);
      // A dry run asks GitHub nothing, so the secret's repository needs no fake GitHub.
      const result = await h.run({ command: 'rotate', name: 'backend', 'dry-run': 'true', ...secret, 'secret-repository': 'acme/shop' });
      expect(result.exitCode).toBe(0);
      expect(calls(h)).toEqual(['GET']);
      expect(result.outputs).toMatchObject({
        'key-id': '',
        created: 'false',
        'deleted-key-ids': '[]',
        'planned-key-ids': JSON.stringify([older, oldest])
      });
      expect(result.outputs['api-key']).toBeUndefined();
      expect(logOf(result)[0]).toMatch(
        /^Dry run: nothing is created or disabled\. Rotating the keys named "backend" in workspace 'staging'/
      );
      expect(result.summary).toMatch(/^### Dry run: rotation of SuprSend API keys in `staging`/);
    });
  });

  it.each([
    [{ 'if-exists': 'skip' }, /Input 'if-exists': does not apply to command 'rotate'/],
    [{ ephemeral: 'true' }, /Input 'ephemeral': does not apply to command 'rotate'/],
    [{ 'key-id': 'ws_apik_1' }, /Input 'key-id': does not apply to command 'rotate'/],
    [{ name: '' }, /Input 'name': is required for command 'rotate'/]
  ])('%j fails before any request', async (inputs, pattern) => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run({ command: 'rotate', name: 'backend', ...inputs }))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
    });
  });
});

describe("GitHub's rate limits on secret writes", () => {
  it('a 429 with Retry-After, then a 403 secondary rate limit, are waited out and retried', async () => {
    let puts = 0;
    const fault = (method: string) => {
      if (method !== 'PUT') return undefined;
      puts++;
      if (puts === 1) return { status: 429, message: 'Too many requests', headers: { 'retry-after': '0' } };
      if (puts === 2) return { status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '0' } };
      return undefined;
    };
    await withGitHub(node, fault, async (h, gh, env) => {
      const result = await h.run({ name: 'backend', ...secret }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.requests.map((r) => r.method)).toEqual(['GET', 'PUT', 'PUT', 'PUT']);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
    });
  });

  it('a rate limit that persists gives up after the retries, says it was GitHub’s rate limit, and rolls the new key back', async () => {
    const fault = (method: string) =>
      method === 'PUT' ? { status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '0' } } : undefined;
    await withGitHub(node, fault, async (h, gh, env) => {
      const result = await h.run({ command: 'rotate', name: 'backend', ...secret, retries: '2' }, { env });
      expect(theError(result)).toMatch(
        /^GitHub is limiting the rate of requests \(HTTP 403: You have exceeded a secondary rate limit.*\) after 2 retries, so the key was not stored as repository secret SUPRSEND_API_KEY in acme\/shop\. .* was disabled again/
      );
      expect(gh.requests.filter((r) => r.method === 'PUT')).toHaveLength(3);
      expect(active(h, 'backend')).toEqual([]);
    });
  });

  it('a Retry-After longer than the action waits fails at once', async () => {
    const fault = (method: string) =>
      method === 'PUT' ? { status: 429, message: 'slow down', headers: { 'retry-after': '3600' } } : undefined;
    await withGitHub(node, fault, async (_h, gh, env) => {
      const result = await _h.run({ name: 'backend', ...secret }, { env });
      expect(theError(result)).toMatch(/asked to wait 3600 s, longer than the 60 s this action waits/);
      expect(gh.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    });
  });
});
