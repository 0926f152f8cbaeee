/**
 * One audit of every credential ('key-type: all' with 'list'), end to end through dist/ against the
 * fake SuprSend: API keys, signing keys and public keys of every covered workspace in one summary and
 * one keys file, each row with its `kind`; 'stale-key-ids' holding stale API keys and stale active
 * signing keys alike (a rolled key never); the production workspace's public keys without secure
 * mode flagged; 'fail-on-stale' failing for either kind; 'key-type: all' with another command, or
 * with an input only an API-key listing reads, an input error. The 'key-type: all' row of #26.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

const node = RUNNER_NODE;
const ALL = { command: 'list', 'key-type': 'all', workspace: '*' };

interface Row {
  id: string;
  kind: string;
  workspace: string;
}

describe("one audit of every kind ('key-type: all')", () => {
  it('lists every kind of every workspace into one keys file, each row with its kind; stale ids of any kind; exposed public keys flagged', async () => {
    await withMock(node, { workspaces: ['staging', 'production'] }, async (h) => {
      const oldApi = h.mock.addKey('staging', { name: 'backend', created_at: ago(120 * DAY) });
      h.mock.addKey('production', { name: 'backend' });
      const oldSigning = h.mock.credentials.addSigningKey('staging', { created_at: ago(100 * DAY) });
      const rolled = h.mock.credentials.addSigningKey('production', { status: 'rolled', created_at: ago(300 * DAY) });
      h.mock.credentials.addSigningKey('production');
      const web = h.mock.credentials.addPublicKey('production', { name: 'web' });
      h.mock.credentials.addPublicKey('staging', { name: 'web', is_secure_mode_enabled: true });

      const result = await h.run({ ...ALL, 'max-age-days': '90' });
      expect(result.exitCode).toBe(0);
      const rows = JSON.parse(result.outputs.keys!) as Row[];
      expect(JSON.parse(result.tempFiles[result.outputs['keys-file']!]!)).toEqual(rows);
      const publicKeys = [...h.mock.credentials.publicKeys.values()].flat();
      const signingKeys = [...h.mock.credentials.signingKeys.values()].flat();
      const apiKeys = [...h.mock.keys.values()].flat();
      expect(rows.map((r) => `${r.kind} ${r.id}`).sort()).toEqual(
        [
          ...apiKeys.map((k) => `api-key ${k.id}`),
          ...signingKeys.map((k) => `signing-key ${k.id}`),
          ...publicKeys.map((k) => `public-key ${k.id}`)
        ].sort()
      );
      expect(result.outputs.count).toBe(String(rows.length));
      expect(new Set(rows.map((r) => r.workspace))).toEqual(new Set(['staging', 'production']));
      // A stale API key and a stale active signing key; the older rolled key is never stale.
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toEqual([oldApi.id, oldSigning.id]);
      expect(result.outputs['stale-count']).toBe('2');
      expect(result.stdout).not.toContain(`${rolled.id} is older`);

      const production = publicKeys.filter((k) => h.mock.credentials.publicKeys.get('production')?.includes(k));
      expect(result.warnings).toEqual([
        `The active signing key ${oldSigning.id} (uid ${oldSigning.uid}) in workspace 'staging' is older than 90 days: rotate it (command 'rotate' with 'key-type: signing-key').`,
        // The default public key of production and "web" have secure mode off.
        ...production.map((k) =>
          expect.stringMatching(
            new RegExp(`^Public key "${k.name}" \\(${k.id}\\) in production workspace 'production' has secure mode off`)
          )
        ),
        `Key "backend" (${oldApi.id}) in workspace 'staging' is 120 days old, older than 90 days: rotate it.`
      ]);
      expect(result.stdout).toContain("Workspace 'production': 2 signing keys (1 active), 2 public keys.");
      expect(result.stdout).toContain("API keys, by workspace:\n1 key in workspace 'staging', 1 stale (older than 90 days).");
      expect(result.summary).toContain(
        '### Every credential: 2 API keys, 3 signing keys, 4 public keys in 2 workspaces; 2 stale (older than 90 days)'
      );
      expect(result.summary).toContain('#### Stale signing keys');
      expect(result.summary).toContain('#### Public keys without secure mode in production workspaces');
      expect(result.summary).toContain('#### API keys: 2 keys in 2 workspaces, 1 stale (older than 90 days)');
      expect(result.summary).toContain(web.api_key);
    });
  });

  it("'fail-on-stale' fails for a stale signing key as for a stale API key, after the outputs", async () => {
    await withMock(node, { workspaces: ['staging'] }, async (h) => {
      const old = h.mock.credentials.addSigningKey('staging', { created_at: ago(100 * DAY) });
      const result = await h.run({ ...ALL, workspace: 'staging', 'max-age-days': '90', 'fail-on-stale': 'true' });
      expect(theError(result)).toBe(
        "The active signing key of 'staging' is older than 90 days: rotate it (command 'rotate' with 'key-type: signing-key')."
      );
      expect(JSON.parse(result.outputs['stale-key-ids']!)).toEqual([old.id]);
    });
  });

  it("'key-type: all' with another command, or with a filter only an API-key listing reads, is an input error", async () => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run({ command: 'create', 'key-type': 'all', name: 'x' }))).toBe(
        "Input 'key-type': 'all' works with command 'list' only (one audit of every kind of credential): for 'create', set 'api-key', 'signing-key' or 'public-key'."
      );
      expect(theError(await h.run({ ...ALL, name: 'backend' }))).toBe(
        "Input 'name': does not apply to the audit of every kind ('key-type: all'): remove it here, or use 'key-type: api-key'."
      );
      expect(h.mock.requests).toEqual([]);
    });
  });
});
