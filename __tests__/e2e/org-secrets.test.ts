/**
 * Organization secrets, end to end through dist/ with the fake SuprSend server and a fake
 * GitHub API that opens every sealed box (tweetnacl): each visibility, selected repositories
 * resolved to ids, refusals and unknown repositories rolled back, bad inputs before any request.
 * The harness checks every run, debug logging on, for leaks of either token or the key.
 */
import { describe, expect, it } from '@jest/globals';
import { GITHUB_TEST_TOKEN, REPOSITORY_IDS } from '../../test-support/fake-github.js';
import { NODES, theError, withGitHub } from '../../test-support/e2e.js';

const [, node] = NODES[0]!;
const org = { name: 'backend', 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN, 'secret-organization': 'acme' };

describe('organization secrets', () => {
  it.each([
    ['private', {}, undefined],
    ['all', { 'secret-visibility': 'all' }, undefined],
    [
      'selected',
      { 'secret-visibility': 'selected', 'secret-repositories': 'shop, acme/api' },
      [REPOSITORY_IDS['acme/shop'], REPOSITORY_IDS['acme/api']]
    ]
  ])('stores the key with visibility %s', async (visibility, inputs, ids) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...org, ...inputs }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('org:acme/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility, ...(ids ? { selected_repository_ids: ids } : {}) });
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        // Whether the secret exists, and with what access (a 404 here: a new one).
        'GET /orgs/acme/actions/secrets/SUPRSEND_API_KEY',
        ...(ids ? ['GET /repos/acme/shop', 'GET /repos/acme/api'] : []),
        'GET /orgs/acme/actions/secrets/public-key',
        'PUT /orgs/acme/actions/secrets/SUPRSEND_API_KEY'
      ]);
      expect(result.stdout).toContain('\nStored it as organization secret SUPRSEND_API_KEY of acme (visible to ');
      // Organization secrets, like repository secrets, are read when a run is queued.
      expect(result.stdout).toMatch(
        /::notice title=Later jobs of this run read the previous secret::.*GitHub reads organization secrets when a run is queued/
      );
    });
  });

  it('GitHub refusing: the new key is disabled again, and the error names the organization permission', async () => {
    const fault = (method: string) => (method === 'PUT' ? { status: 403, message: 'Resource not accessible by integration' } : undefined);
    await withGitHub(node, fault, async (h, gh, env) => {
      const result = await h.run(org, { env });
      const key = h.mock.keys.get('staging')![0]!;
      expect(theError(result)).toBe(
        'GitHub did not store the key as organization secret SUPRSEND_API_KEY of acme (visible to private and internal repositories): ' +
          `HTTP 403 (Resource not accessible by integration): 'github-token' needs the organization permission "Secrets: write" ` +
          "(a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write secrets), or the admin:org scope for a classic token. " +
          `The new key ${key.id} was disabled again, so no live key is left that nobody can read.`
      );
      expect(key.is_deleted).toBe(true);
      expect(gh.secrets.size).toBe(0);
    });
  });

  it('an unknown repository in the selected list: asked before any key is made, so nothing is created, the repository named', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...org, 'secret-visibility': 'selected', 'secret-repositories': 'shop ghost' }, { env });
      expect(theError(result)).toMatch(
        /repository acme\/ghost, named in 'secret-repositories', does not exist or the token cannot see it\. No key was created: GitHub is asked before SuprSend/
      );
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /orgs/acme/actions/secrets/SUPRSEND_API_KEY',
        'GET /repos/acme/shop',
        'GET /repos/acme/ghost'
      ]);
      expect(h.mock.requests).toEqual([]);
    });
  });

  it.each([
    [{ 'secret-environment': 'prod' }, /Input 'secret-environment': and 'secret-organization' are both set/],
    [{ 'secret-repository': 'acme/shop' }, /Input 'secret-repository': and 'secret-organization' are both set/],
    [{ 'secret-visibility': 'selected' }, /Input 'secret-repositories': is required with 'secret-visibility: selected'/],
    [
      { 'secret-repositories': 'shop', 'secret-visibility': 'all' },
      /Input 'secret-repositories': only applies with 'secret-visibility: selected'/
    ],
    [{ 'secret-visibility': 'internal' }, /Input 'secret-visibility': must be one of 'all', 'private', 'selected'/],
    [{ 'secret-organization': 'acme/shop' }, /Input 'secret-organization': must be a GitHub organization's login/]
  ])('%j fails before any request to SuprSend or GitHub', async (inputs, pattern) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(theError(await h.run({ ...org, ...inputs }, { env }))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });

  it('rotate into an organization secret: stored, then the older keys disabled', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const old = h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ ...org, command: 'rotate' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('org:acme/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(result.outputs['deleted-key-ids']).toBe(JSON.stringify([old.id]));
    });
  });
});
