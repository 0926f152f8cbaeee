/**
 * A workspace's signing key ('key-type: signing-key'), end to end through dist/ against the fake
 * SuprSend and the fake GitHub: created (once: a second is refused before any write), rolled,
 * stored as a secret (base64 or PEM), listed (an old active key stale, a rolled one never), deleted
 * by id or uid. The private key is masked in every path, every PEM line, with debug logging on
 * (withMock checks each run). Rows of #26's signing-key table.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withGitHub } from '../../test-support/e2e.js';
import { GITHUB_TEST_TOKEN } from '../../test-support/fake-github.js';
import { calls } from '../../test-support/github-scenarios.js';
import { ago, DAY } from '../../test-support/util.js';

const node = RUNNER_NODE;
const SIGNING = { 'key-type': 'signing-key' };
const STORE = { ...SIGNING, 'secret-name': 'SUPRSEND_SIGNING_KEY', 'github-token': GITHUB_TEST_TOKEN };
const signingPosts = (h: { mock: { requests: { method: string; path: string }[] } }): string[] =>
  h.mock.requests.filter((r) => r.method !== 'GET' && r.path.includes('ws_signing_key')).map((r) => `${r.method} ${r.path}`);

describe('signing keys', () => {
  it('create: the private key in the outputs (PEM and base64, masked line by line) and stored as a base64 secret', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ command: 'create', ...STORE }, { env });
      expect(result.exitCode).toBe(0);
      const [key] = h.mock.credentials.signingKeys.get('staging') ?? [];
      const [pem, base64] = h.mock.secrets;
      expect(result.outputs['key-id']).toBe(key?.id);
      expect(result.outputs['private-key']).toBe(pem);
      expect(result.outputs['private-key-base64']).toBe(base64);
      expect(result.outputs['api-key']).toBe('');
      expect(gh.secrets.get('acme/shop/SUPRSEND_SIGNING_KEY')).toBe(base64);
      // Every line of the PEM is masked before anything else is printed.
      for (const line of pem!.split('\n').filter((l) => l !== '')) expect(result.stdout).toContain(`::add-mask::${line}\n`);
      expect(result.stdout.indexOf('::add-mask::-----BEGIN PRIVATE KEY-----')).toBeLessThan(result.stdout.indexOf('Created signing key'));
      expect(result.stdout).toContain(`Created signing key ${key!.id} (uid ${key!.uid}) in workspace 'staging'.`);
      expect(result.stdout).toContain('Stored it as repository secret SUPRSEND_SIGNING_KEY in acme/shop (base64 on one line).');
    });
  });

  it('create with an active key is refused before any write, naming rotate', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const active = h.mock.credentials.addSigningKey('staging');
      const result = await h.run({ command: 'create', ...STORE }, { env });
      expect(theError(result)).toBe(
        `Workspace 'staging' already has an active signing key (${active.id}, uid ${active.uid}), and SuprSend allows one; nothing was created. To replace it, use command 'rotate' with 'key-type: signing-key'.`
      );
      expect(signingPosts(h)).toEqual([]);
      expect(calls(gh)).toEqual([]);
    });
  });

  it('rotate: the active key rolled (by uid), the new one stored as PEM; a dry run rolls nothing', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const old = h.mock.credentials.addSigningKey('staging');
      const dry = await h.run({ command: 'rotate', ...STORE, 'dry-run': 'true' }, { env });
      expect(dry.stdout).toContain(
        `Dry run: nothing is created or rolled; signing key ${old.id} (uid ${old.uid}) in workspace 'staging' would be rolled`
      );
      expect(signingPosts(h)).toEqual([]);
      const result = await h.run({ command: 'rotate', ...STORE, 'secret-format': 'pem' }, { env });
      expect(result.exitCode).toBe(0);
      expect(signingPosts(h)).toEqual([`POST /v1/staging/ws_signing_key/${old.uid}/roll/`]);
      expect(old.status).toBe('rolled');
      expect(gh.secrets.get('acme/shop/SUPRSEND_SIGNING_KEY')).toBe(h.mock.secrets[0]);
      expect(result.stdout).toContain(`Rolled signing key ${old.id} (uid ${old.uid}) in workspace 'staging'`);
    });
  });

  it('rotate, then the secret write fails: the roll stands, the private key is in the masked outputs, and the error says so', async () => {
    const fail = (method: string) => (method === 'PUT' ? { status: 422, message: 'Invalid request.' } : undefined);
    await withGitHub(node, fail, async (h, gh, env) => {
      const old = h.mock.credentials.addSigningKey('staging');
      const result = await h.run({ command: 'rotate', ...STORE, retries: '0' }, { env });
      const error = theError(result);
      expect(error).toMatch(/^GitHub did not store the key as repository secret SUPRSEND_SIGNING_KEY in acme\/shop: HTTP 422/);
      expect(error).toContain(`The signing key ${old.id} was rolled (SuprSend cannot undo a roll)`);
      expect(error).toContain("in this step's masked 'private-key' output (PEM) and 'private-key-base64'");
      expect(result.outputs['private-key']).toBe(h.mock.secrets[0]);
      expect(old.status).toBe('rolled');
      expect(gh.secrets.size).toBe(0);
    });
  });

  it('rotate, then GITHUB_OUTPUT cannot be written: the secret is still written, and the error says it holds the private key', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const old = h.mock.credentials.addSigningKey('staging');
      const result = await h.run({ command: 'rotate', ...STORE }, { env: { ...env, GITHUB_OUTPUT: '/nonexistent-dir/runner-file' } });
      expect(theError(result)).toMatch(
        new RegExp(
          `^Could not write the step outputs to GITHUB_OUTPUT .* The signing key ${old.id} was rolled \\(SuprSend cannot undo a roll\\), and the new key ws_signk_\\w+ is active; repository secret SUPRSEND_SIGNING_KEY in acme/shop holds its private key\\.$`
        )
      );
      expect(gh.secrets.get('acme/shop/SUPRSEND_SIGNING_KEY')).toBe(h.mock.secrets[1]);
    });
  });

  it('create, then the secret write fails: the new key is deleted again by uid', async () => {
    const fail = (method: string) => (method === 'PUT' ? { status: 422, message: 'Invalid request.' } : undefined);
    await withGitHub(node, fail, async (h, _gh, env) => {
      const result = await h.run({ command: 'create', ...STORE, retries: '0' }, { env });
      expect(theError(result)).toMatch(
        /The new signing key ws_signk_\w+ was deleted again, so no active key is left whose private key nobody has\.$/
      );
      expect(h.mock.credentials.signingKeys.get('staging')).toEqual([]);
      expect(result.outputs['private-key']).toBeUndefined();
    });
  });

  it('list: an old active key is stale, a rolled one never is; fail-on-stale fails after the outputs', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      h.mock.credentials.addSigningKey('staging', { status: 'rolled', created_at: ago(900 * DAY) });
      const active = h.mock.credentials.addSigningKey('staging', { created_at: ago(200 * DAY) });
      const result = await h.run({ command: 'list', ...SIGNING, 'max-age-days': '90', 'fail-on-stale': 'true' }, { env });
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toEqual([active.id]);
      expect(result.outputs.count).toBe('2');
      expect(result.warnings).toEqual([
        `The active signing key ${active.id} (uid ${active.uid}) in workspace 'staging' is older than 90 days: rotate it (command 'rotate' with 'key-type: signing-key').`
      ]);
      expect(theError(result)).toMatch(/^The active signing key of workspace 'staging' is older than 90 days: rotate it/);
      expect(result.summary).toContain(active.uid);
    });
  });

  it('delete: by uid or id (the request uses the uid); the active one warns; a hostile key-id is refused', async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      const rolled = h.mock.credentials.addSigningKey('staging', { status: 'rolled' });
      const active = h.mock.credentials.addSigningKey('staging');
      const byId = await h.run({ command: 'delete', ...SIGNING, 'key-id': rolled.id }, { env });
      expect(byId.exitCode).toBe(0);
      expect(byId.warnings).toEqual([]);
      const byUid = await h.run({ command: 'delete', ...SIGNING, 'key-id': active.uid }, { env });
      expect(byUid.outputs['deleted-key-ids']).toBe(JSON.stringify([active.id]));
      expect(byUid.warnings).toEqual([expect.stringMatching(/^Workspace 'staging' now has no active signing key/)]);
      expect(signingPosts(h)).toEqual([
        `DELETE /v1/staging/ws_signing_key/${rolled.uid}/`,
        `DELETE /v1/staging/ws_signing_key/${active.uid}/`
      ]);
      const hostile = await h.run({ command: 'delete', ...SIGNING, 'key-id': '../ws_api_key' }, { env });
      expect(theError(hostile)).toMatch(/^Input 'key-id': must be key ids/);
    });
  });

  it("inputs: 'name' does not apply to signing keys; 'secret-format' needs a signing key and a secret", async () => {
    await withGitHub(node, undefined, async (h, _gh, env) => {
      expect(theError(await h.run({ command: 'create', ...SIGNING, name: 'x' }, { env }))).toBe(
        "Input 'name': does not apply to signing keys ('key-type: signing-key'): remove it here, or use 'key-type: api-key'."
      );
      expect(theError(await h.run({ command: 'create', name: 'x', 'secret-format': 'pem' }, { env }))).toMatch(
        /^Input 'secret-format': only applies with 'key-type: signing-key'/
      );
      expect(theError(await h.run({ command: 'create', ...SIGNING, 'secret-format': 'pem' }, { env }))).toMatch(
        /^Input 'secret-format': only applies with 'secret-name'/
      );
      expect(h.mock.requests).toEqual([]);
    });
  });
});
