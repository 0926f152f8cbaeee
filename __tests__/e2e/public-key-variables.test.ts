/**
 * A public key stored as a GitHub Actions variable ('variable-name'), end to end through dist/
 * against the fake SuprSend and the fake GitHub: GitHub asked first (a refusal creates or rotates
 * nothing), created with POST, updated with PATCH, an organization variable's visibility kept, a
 * POST whose answer was lost settled by reading the variable back before it is sent again, a
 * create whose variable cannot be written deleted again, a rotate whose variable cannot be written
 * left standing with the error saying where the value is. Rows of #26's 'variable-name'.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withGitHub } from '../../test-support/e2e.js';
import { GITHUB_TEST_TOKEN } from '../../test-support/fake-github.js';
import { calls } from '../../test-support/github-scenarios.js';

const node = RUNNER_NODE;
const PUBLIC = { 'key-type': 'public-key' };
const STORE = { ...PUBLIC, 'variable-name': 'SUPRSEND_PUBLIC_KEY', 'github-token': GITHUB_TEST_TOKEN };
const suprSendWrites = (h: { mock: { requests: { method: string; path: string }[] } }): string[] =>
  h.mock.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('public key stored as a GitHub Actions variable', () => {
  it('create: GitHub asked first, then the value created as a repository variable (POST), the log naming vars.NAME', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env });
      expect(result.exitCode).toBe(0);
      const key = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'web-app');
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe(key?.api_key);
      expect(calls(gh)).toEqual([
        'GET /repos/acme/shop/actions/variables',
        'GET /repos/acme/shop/actions/variables/SUPRSEND_PUBLIC_KEY',
        'POST /repos/acme/shop/actions/variables'
      ]);
      expect(result.stdout).toContain(
        'Stored the value as repository variable SUPRSEND_PUBLIC_KEY in acme/shop: workflows read it as ${{ vars.SUPRSEND_PUBLIC_KEY }}.'
      );
      expect(result.summary).toContain('Stored as repository variable SUPRSEND_PUBLIC_KEY in acme/shop.');
    });
  });

  it('rotate: an existing environment variable updated with PATCH to the new value, same key id', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      gh.variables.seed('acme/shop/env:production/SUPRSEND_PUBLIC_KEY', web.api_key);
      const old = web.api_key;
      const result = await h.run({ command: 'rotate', ...STORE, name: 'web', 'secret-environment': 'production' }, { env });
      expect(result.exitCode).toBe(0);
      expect(web.api_key).not.toBe(old);
      expect(result.outputs['key-id']).toBe(web.id);
      expect(gh.variables.all.get('acme/shop/env:production/SUPRSEND_PUBLIC_KEY')?.value).toBe(web.api_key);
      expect(calls(gh).filter((c) => !c.startsWith('GET'))).toEqual([
        'PATCH /repos/acme/shop/environments/production/variables/SUPRSEND_PUBLIC_KEY'
      ]);
    });
  });

  it('an organization variable keeps its selected repositories; a new one is private', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      gh.variables.seed('org:acme/WEB_KEY', 'old', { visibility: 'selected', selected: [101, 103] });
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      const kept = await h.run(
        { command: 'rotate', ...STORE, 'variable-name': 'WEB_KEY', name: 'web', 'secret-organization': 'acme' },
        { env }
      );
      expect(kept.exitCode).toBe(0);
      const stored = gh.variables.all.get('org:acme/WEB_KEY');
      expect(stored).toMatchObject({ value: web.api_key, visibility: 'selected', selected_repository_ids: [101, 103] });
      expect(JSON.parse(gh.requests.find((r) => r.method === 'PATCH')!.body)).toEqual({
        name: 'WEB_KEY',
        value: web.api_key,
        visibility: 'selected',
        selected_repository_ids: [101, 103]
      });
      const made = await h.run(
        { command: 'create', ...STORE, 'variable-name': 'MOBILE_KEY', name: 'mobile', 'secret-organization': 'acme' },
        { env }
      );
      expect(made.exitCode).toBe(0);
      expect(gh.variables.all.get('org:acme/MOBILE_KEY')?.visibility).toBe('private');
      expect(made.stdout).toContain(
        "A new organization variable: visible to private and internal repositories ('secret-visibility' unset)."
      );
    });
  });

  it('a refusal before the create (403 listing the variables) creates nothing and names "Variables: write"', async () => {
    const fail = (method: string, path: string) =>
      method === 'GET' && path.endsWith('/variables')
        ? { status: 403, message: 'Resource not accessible by personal access token' }
        : undefined;
    await withGitHub(node, fail, async (h, gh, env) => {
      const created = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env });
      expect(theError(created)).toBe(
        'GitHub did not store the key as repository variable SUPRSEND_PUBLIC_KEY in acme/shop: HTTP 403 (Resource not accessible by personal access token): ' +
          `'github-token' needs the repository permission "Variables: write" (a fine-grained token or GitHub App token; the workflow's GITHUB_TOKEN cannot write variables). ` +
          'No public key was created: GitHub is asked before SuprSend, so a refusal leaves nothing behind.'
      );
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      const old = web.api_key;
      const rotated = await h.run({ command: 'rotate', ...STORE, name: 'web' }, { env });
      expect(theError(rotated)).toMatch(/No public key was rotated: GitHub is asked before SuprSend/);
      expect(web.api_key).toBe(old);
      expect(suprSendWrites(h)).toEqual([]);
      expect(gh.variables.all.size).toBe(0);
    });
  });

  it('a POST whose answer was lost (502 after it landed) is settled by reading the variable: sent once', async () => {
    let failed = false;
    const fail = (method: string) => {
      if (method !== 'POST' || failed) return undefined;
      failed = true;
      return { status: 502, message: 'Bad Gateway', apply: true };
    };
    await withGitHub(node, fail, async (h, gh, env) => {
      const result = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh).filter((c) => c.startsWith('POST'))).toHaveLength(1);
      expect(calls(gh).at(-1)).toBe('GET /repos/acme/shop/actions/variables/SUPRSEND_PUBLIC_KEY');
      expect(result.stdout).toContain(
        'reading repository variable SUPRSEND_PUBLIC_KEY in acme/shop back showed the new value there, so it holds the new key.'
      );
    });
  });

  it('a POST lost before it landed (502) is read back, found absent, and sent once more', async () => {
    let failed = false;
    const fail = (method: string) => {
      if (method !== 'POST' || failed) return undefined;
      failed = true;
      return { status: 502, message: 'Bad Gateway' };
    };
    await withGitHub(node, fail, async (h, gh, env) => {
      const result = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env });
      expect(result.exitCode).toBe(0);
      expect(calls(gh).slice(2)).toEqual([
        'POST /repos/acme/shop/actions/variables',
        'GET /repos/acme/shop/actions/variables/SUPRSEND_PUBLIC_KEY',
        'POST /repos/acme/shop/actions/variables'
      ]);
      const key = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'web-app');
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe(key?.api_key);
    });
  });

  it('create whose variable GitHub refuses (422): the new public key is deleted again', async () => {
    const fail = (method: string) => (method === 'POST' ? { status: 422, message: 'Invalid request.' } : undefined);
    await withGitHub(node, fail, async (h, _gh, env) => {
      const result = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env });
      const key = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'web-app');
      expect(theError(result)).toBe(
        'GitHub did not store the key as repository variable SUPRSEND_PUBLIC_KEY in acme/shop: HTTP 422 (Invalid request.). ' +
          `The new public key "web-app" (${key!.id}) was deleted again; run the step again once that is fixed.`
      );
      expect(key?.is_deleted).toBe(true);
      expect(result.outputs['public-key']).toBeUndefined();
    });
  });

  it('rotate whose variable GitHub refuses: the rotate stands, the value is in the output, and the error says how to store it', async () => {
    const fail = (method: string) => (method === 'PATCH' ? { status: 422, message: 'Invalid request.' } : undefined);
    await withGitHub(node, fail, async (h, gh, env) => {
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      gh.variables.seed('acme/shop/SUPRSEND_PUBLIC_KEY', 'old');
      const result = await h.run({ command: 'rotate', ...STORE, name: 'web' }, { env });
      expect(theError(result)).toBe(
        'GitHub did not store the key as repository variable SUPRSEND_PUBLIC_KEY in acme/shop: HTTP 422 (Invalid request.). ' +
          `The public key "web" (${web.id}) in workspace 'staging' was rotated (SuprSend cannot undo a rotate): its new value is ${web.api_key}, ` +
          "in this step's 'public-key' output, and 'list' with 'key-type: public-key' shows it. Store it as variable SUPRSEND_PUBLIC_KEY from a following step of this job: " +
          '`gh variable set SUPRSEND_PUBLIC_KEY --repo acme/shop --body "${{ steps.<this step\'s id>.outputs.public-key }}"`.'
      );
      expect(result.outputs['public-key']).toBe(web.api_key);
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe('old');
    });
  });

  it('secure mode refused after a rotate: the variable already holds the new value; after a create: the key is deleted again', async () => {
    const fault = (r: { method: string; path: string }) =>
      r.method === 'PATCH' && !r.path.includes('/rotate/')
        ? { status: 400, body: JSON.stringify({ message: 'secure mode is not available' }) }
        : undefined;
    await withGitHub(node, { mock: { fault } }, async (h, gh, env) => {
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      const rotated = await h.run({ command: 'rotate', ...STORE, name: 'web', 'secure-mode': 'on' }, { env });
      expect(theError(rotated)).toMatch(
        new RegExp(
          `^SuprSend refused to turn secure mode on for public key ${web.id} .* The public key "web" \\(${web.id}\\) in workspace 'staging' was rotated .*shows it\\.$`
        )
      );
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe(web.api_key);
      const created = await h.run(
        { command: 'create', ...STORE, 'variable-name': 'MOBILE_KEY', name: 'mobile', 'secure-mode': 'on' },
        { env }
      );
      const mobile = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'mobile');
      expect(theError(created)).toMatch(/The new public key "mobile" \(ws_pubk_\w+\) was deleted again/);
      expect(mobile?.is_deleted).toBe(true);
      expect(gh.variables.all.has('acme/shop/MOBILE_KEY')).toBe(false);
    });
  });

  it('GITHUB_OUTPUT cannot be written once the variable holds the new key: the created key stays; after a rotate, the variable is still written', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const broken = { ...env, GITHUB_OUTPUT: '/nonexistent-dir/runner-file' };
      const created = await h.run({ command: 'create', ...STORE, name: 'web-app' }, { env: broken });
      const key = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'web-app');
      expect(theError(created)).toMatch(
        new RegExp(
          `^Could not write the step outputs to GITHUB_OUTPUT .* The new key ${key!.id} stays active: repository variable SUPRSEND_PUBLIC_KEY in acme/shop holds it, and this step never takes back a key that GitHub holds\\.$`
        )
      );
      expect(key?.is_deleted).toBe(false);
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe(key?.api_key);
      const rotated = await h.run({ command: 'rotate', ...STORE, name: 'web-app' }, { env: broken });
      // The variable is still written, and the error says it holds the new value.
      expect(gh.variables.all.get('acme/shop/SUPRSEND_PUBLIC_KEY')?.value).toBe(key?.api_key);
      expect(theError(rotated)).toMatch(
        new RegExp(
          `^Could not write the step outputs to GITHUB_OUTPUT .* The public key "web-app" \\(${key!.id}\\) in workspace 'staging' was rotated \\(SuprSend cannot undo a rotate\\): its new value is ${key!.api_key}, held by repository variable SUPRSEND_PUBLIC_KEY in acme/shop, and 'list' with 'key-type: public-key' shows it\\.$`
        )
      );
    });
  });

  it('input errors: a variable for a secret key, a secret for a public key, scope inputs without a variable', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(
        theError(await h.run({ command: 'create', name: 'backend', 'variable-name': 'K', 'github-token': GITHUB_TEST_TOKEN }, { env }))
      ).toBe(
        "Input 'variable-name': only applies with 'key-type: public-key' (a public key is not a secret). An API key or a signing key's private key is a secret, never a variable: store it with 'secret-name'."
      );
      expect(
        theError(await h.run({ command: 'create', ...PUBLIC, name: 'web', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN }, { env }))
      ).toBe(
        "Input 'secret-name': does not apply to public keys ('key-type: public-key'): a public key is not a secret. Store it as a GitHub Actions variable with 'variable-name'."
      );
      expect(theError(await h.run({ command: 'create', ...PUBLIC, name: 'web', 'secret-environment': 'prod' }, { env }))).toBe(
        "Input 'secret-environment': only applies with 'variable-name': set the variable's name too, or remove it."
      );
      expect(theError(await h.run({ command: 'create', ...PUBLIC, name: 'web', 'variable-name': 'SUPRSEND_PUBLIC_KEY' }, { env }))).toBe(
        "Input 'github-token': is required with 'variable-name': a fine-grained token or GitHub App token allowed to write Actions variables (the workflow's GITHUB_TOKEN cannot)."
      );
      expect(gh.requests).toEqual([]);
      expect(suprSendWrites(h)).toEqual([]);
    });
  });
});
