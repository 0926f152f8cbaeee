/**
 * Who can read the stored key, end to end through dist/ against the fake GitHub: an organization
 * secret that exists keeps its visibility and selected repositories unless 'secret-visibility' says
 * otherwise (and then the log says what changed); Dependabot secrets, for a repository and an
 * organization, through GitHub's /dependabot/secrets endpoints. Rows of #23.
 */
import { describe, expect, it } from '@jest/globals';
import { NODES, theError, withGitHub } from '../../test-support/e2e.js';
import { REPOSITORY_IDS } from '../../test-support/fake-github.js';
import { calls, STORE_SECRET } from '../../test-support/github-scenarios.js';

const [, node] = NODES[0]!;
const ORG = { ...STORE_SECRET, 'secret-organization': 'acme' };
const SHOP = REPOSITORY_IDS['acme/shop']!;
const WEB = REPOSITORY_IDS['acme/web']!;

describe('organization secrets keep their access', () => {
  it.each([
    ['selected', [SHOP, WEB], 'visible to shop, web'],
    ['all', [], 'visible to all repositories']
  ])('an existing %s secret, rotated without secret-visibility, keeps it', async (visibility, ids, words) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      gh.seedOrgSecret('acme', 'SUPRSEND_API_KEY', visibility, ids);
      h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ ...ORG, command: 'rotate' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({
        visibility,
        ...(visibility === 'selected' ? { selected_repository_ids: ids } : {})
      });
      expect(gh.secrets.get('org:acme/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(result.stdout).toContain(`Stored it as organization secret SUPRSEND_API_KEY of acme (${words}).`);
      if (visibility === 'selected') expect(calls(gh)).toContain('GET /orgs/acme/actions/secrets/SUPRSEND_API_KEY/repositories');
    });
  });

  it('a new secret without secret-visibility is private, and the log says so', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run(ORG, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility: 'private' });
      expect(result.stdout).toContain(
        "A new organization secret: visible to private and internal repositories ('secret-visibility' unset)."
      );
    });
  });

  it('changed explicitly: written as asked, and the log says from what to what', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      gh.seedOrgSecret('acme', 'SUPRSEND_API_KEY', 'selected', [SHOP]);
      const result = await h.run({ ...ORG, 'secret-visibility': 'all' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility: 'all' });
      expect(result.stdout).toContain(
        'Access to organization secret SUPRSEND_API_KEY of acme changes: from visible to shop to visible to all repositories.'
      );
    });
  });

  it("'secret-repositories' alone means selected", async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect((await h.run({ ...ORG, 'secret-repositories': 'shop web' }, { env })).exitCode).toBe(0);
      expect(gh.orgSecrets.get('acme/SUPRSEND_API_KEY')).toEqual({ visibility: 'selected', selected_repository_ids: [SHOP, WEB] });
    });
  });
});

describe('Dependabot secrets', () => {
  it('a repository Dependabot secret', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...STORE_SECRET, 'secret-type': 'dependabot' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh)).toEqual([
        'GET /repos/acme/shop/dependabot/secrets/public-key',
        'PUT /repos/acme/shop/dependabot/secrets/SUPRSEND_API_KEY'
      ]);
      expect(gh.secrets.get('acme/shop/dependabot:SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBeUndefined();
      expect(result.stdout).toContain('Stored it as repository Dependabot secret SUPRSEND_API_KEY in acme/shop.');
    });
  });

  it('an organization Dependabot secret keeps its access too', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...ORG, 'secret-type': 'dependabot', command: 'rotate' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('org:acme/dependabot:SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(calls(gh)).toContain('PUT /orgs/acme/dependabot/secrets/SUPRSEND_API_KEY');
      expect(gh.orgSecrets.get('acme/dependabot:SUPRSEND_API_KEY')).toEqual({ visibility: 'private' });
    });
  });

  it.each([
    [
      { 'secret-type': 'dependabot', 'secret-environment': 'prod' },
      /^Input 'secret-type': 'dependabot' and 'secret-environment' are both set/
    ],
    [{ 'secret-type': 'codespaces' }, /^Input 'secret-type': must be one of 'actions', 'dependabot'/]
  ])('%j is an input error before any request', async (inputs, pattern) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(theError(await h.run({ ...STORE_SECRET, ...inputs }, { env }))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });
});
