/**
 * What GitHub is asked before a SuprSend key exists, and the names it is asked about, end to end
 * through dist/ against the fake GitHub: names that would change a request's path are input errors,
 * every refusal GitHub can give up front creates no key, and once a secret holds the new key nothing
 * in the step disables it. Rows of issue #22's table (with github-guards.test.ts).
 */
import { describe, expect, it } from '@jest/globals';
import { NODES, theError, withGitHub } from '../../test-support/e2e.js';
import { calls, expectPlainWords, liveKeys, posts, STORE_SECRET } from '../../test-support/github-scenarios.js';

const [, node] = NODES[0]!;

describe('GitHub asked first, and names checked', () => {
  it.each([
    [{ 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': '..' }, 'secret-repositories'],
    [{ 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': 'acme/..' }, 'secret-repositories'],
    [{ 'secret-environment': '..' }, 'secret-environment'],
    [{ 'secret-environment': 'prod//eu' }, 'secret-environment'],
    [{ 'secret-environment': 'prod/./eu' }, 'secret-environment'],
    [{ 'secret-repository': 'acme/.', 'secret-environment': 'dependabot' }, 'secret-repository'],
    [{ 'secret-repository': 'acme/..' }, 'secret-repository']
  ])('%j is an input error before any request', async (inputs, input) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(theError(await h.run({ ...STORE_SECRET, ...inputs }, { env }))).toMatch(
        new RegExp(`^Input '${input}': .*'\\.', '\\.\\.' and empty parts`)
      );
      expect(h.mock.requests).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });

  it('an environment name with "/" is kept, sent encoded', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...STORE_SECRET, 'secret-environment': 'prod/eu' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh)).toContain('PUT /repos/acme/shop/environments/prod%2Feu/secrets/SUPRSEND_API_KEY');
      expect(gh.secrets.get('acme/shop/env:prod/eu/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
    });
  });

  it("GitHub's public key of the wrong size is GitHub's answer being wrong: no key is made", async () => {
    await withGitHub(node, { publicKey: Buffer.alloc(31).toString('base64') }, async (h, _gh, env) => {
      const result = await h.run(STORE_SECRET, { env });
      expect(theError(result)).toMatch(
        /^GitHub's answer to read the public key of repository acme\/shop cannot be right: its public key is 31 bytes, not the 32 of an X25519 key\..*No key was created/
      );
      expect(posts(h)).toBe(0);
      expectPlainWords(result);
    });
  });

  it('a selected repository the token may not read (403) is named, with read access as the cause; no key is made', async () => {
    await withGitHub(node, { forbidden: ['acme/web'] }, async (h, _gh, env) => {
      const org = { 'secret-organization': 'acme', 'secret-visibility': 'selected', 'secret-repositories': 'shop web' };
      const error = theError(await h.run({ ...STORE_SECRET, ...org }, { env }));
      expect(error).toContain("the token may not read repository acme/web, named in 'secret-repositories'");
      expect(error).not.toContain('Secrets: write');
      expect(posts(h)).toBe(0);
    });
  });

  it("'secret-organization: Acme' takes 'acme/shop' in 'secret-repositories' (organization names are not case-sensitive)", async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const org = { 'secret-organization': 'Acme', 'secret-visibility': 'selected', 'secret-repositories': 'acme/shop' };
      const result = await h.run({ ...STORE_SECRET, ...org }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility: 'selected', selected_repository_ids: [101] });
    });
  });

  it.each([
    ['a bad github-token', {}, {}, /HTTP 401 \(Bad credentials\): 'github-token' is not a valid token/],
    [
      'a missing permission',
      {
        fail: (m: string, p: string) =>
          m === 'GET' && p.endsWith('/public-key') ? { status: 403, message: 'Resource not accessible by integration' } : undefined
      },
      {},
      /"Secrets: write"/
    ],
    [
      'an unknown environment',
      { fail: (_m: string, p: string) => (p.includes('/environments/') ? { status: 404, message: 'Not Found' } : undefined) },
      { 'secret-environment': 'nope' },
      /environment 'nope'/
    ],
    ['an unknown repository', {}, { 'secret-repository': 'acme/ghost' }, /repository acme\/ghost does not exist/]
  ])('%s: asked before minting, so no SuprSend key is made', async (_label, options, inputs, pattern) => {
    await withGitHub(node, options, async (h, _gh, env) => {
      const token = _label === 'a bad github-token' ? { 'github-token': 'ghs_wrong' } : {};
      const error = theError(await h.run({ ...STORE_SECRET, ...inputs, ...token }, { env }));
      expect(error).toMatch(pattern);
      expect(error).toContain('No key was created');
      expect(h.mock.requests).toEqual([]);
    });
  });

  it('a renamed repository: the GET follows the 301, and the PUT goes where it led', async () => {
    await withGitHub(node, { renamed: { 'acme/old-shop': 'acme/shop' } }, async (h, gh, env) => {
      const result = await h.run({ ...STORE_SECRET, 'secret-repository': 'acme/old-shop' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh)).toEqual([
        'GET /repos/acme/old-shop/actions/secrets/public-key',
        'GET /repositories/101/actions/secrets/public-key',
        'PUT /repositories/101/actions/secrets/SUPRSEND_API_KEY'
      ]);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
    });
  });

  it('a dry run of rotate sends nothing to GitHub', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ ...STORE_SECRET, command: 'rotate', 'dry-run': 'true' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.requests).toEqual([]);
    });
  });
});

describe('the commit point: once a secret holds the new key, nothing in this step disables it', () => {
  const UNWRITABLE = '/nonexistent-dir/runner-file';

  it.each([['create'], ['rotate']])(
    '%s: the secret is stored, then GITHUB_OUTPUT cannot be written: the step fails saying the secret holds the key, which stays active',
    async (command) => {
      await withGitHub(node, undefined, async (h, gh, env) => {
        const old = h.mock.addKey('staging', { name: 'backend' });
        const result = await h.run({ ...STORE_SECRET, command }, { env: { ...env, GITHUB_OUTPUT: UNWRITABLE } });
        const fresh = liveKeys(h).find((id) => id !== old.id)!;
        expect(theError(result)).toMatch(
          new RegExp(
            `^Could not write the step outputs to GITHUB_OUTPUT .* The new key ${fresh} stays active: repository secret SUPRSEND_API_KEY in acme/shop holds it`
          )
        );
        expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
        // Nothing was disabled: not the new key, and (rotate) not the older one either.
        expect(liveKeys(h).sort()).toEqual([old.id, fresh].sort());
        expect(h.mock.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      });
    }
  );
});
