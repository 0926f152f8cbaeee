/**
 * A workspace's public keys ('key-type: public-key'), end to end through dist/ against the fake
 * SuprSend: created with secure mode, rotated in place (same id, new value, a warning; a dry run
 * changes nothing), a shared name refused naming the ids, listed with values and the default key,
 * deleted by id with the default key refused. Rows of #26's public-key table.
 */
import { describe, expect, it } from '@jest/globals';
import { RUNNER_NODE, theError, withMock } from '../../test-support/e2e.js';

const node = RUNNER_NODE;
const PUBLIC = { 'key-type': 'public-key' };
const writes = (h: { mock: { requests: { method: string; path: string }[] } }): string[] =>
  h.mock.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('public keys', () => {
  it('create: the value in the public-key output (not masked), secure mode turned on with the PATCH', async () => {
    await withMock(node, {}, async (h) => {
      const result = await h.run({ command: 'create', ...PUBLIC, name: 'web-app', description: 'Browser', 'secure-mode': 'on' });
      expect(result.exitCode).toBe(0);
      const key = h.mock.credentials.publicKeys.get('staging')?.find((k) => k.name === 'web-app');
      expect(result.outputs['public-key']).toBe(key?.api_key);
      expect(result.outputs['key-id']).toBe(key?.id);
      expect(key?.is_secure_mode_enabled).toBe(true);
      expect(writes(h)).toEqual(['POST /v1/staging/ws_public_key/', `PATCH /v1/staging/ws_public_key/${key!.id}/`]);
      expect(result.stdout).not.toContain('::add-mask::SS.PUBK');
      expect(result.stdout).toContain(`Created public key "web-app" (${key!.id}) in workspace 'staging'`);
    });
  });

  it('rotate: same id, new value, a warning that old clients break; a dry run changes nothing; a shared name is refused naming the ids', async () => {
    await withMock(node, {}, async (h) => {
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      const old = web.api_key;
      const dry = await h.run({ command: 'rotate', ...PUBLIC, name: 'web', 'dry-run': 'true' });
      expect(dry.stdout).toContain(
        `Dry run: nothing is changed; public key "web" (${web.id}) in workspace 'staging' would get a new value`
      );
      expect(web.api_key).toBe(old);
      const result = await h.run({ command: 'rotate', ...PUBLIC, name: 'web' });
      expect(result.exitCode).toBe(0);
      expect(result.outputs['key-id']).toBe(web.id);
      expect(result.outputs['public-key']).toBe(web.api_key);
      expect(web.api_key).not.toBe(old);
      expect(result.warnings).toEqual([
        expect.stringMatching(/^The old value of public key "web" .* no longer works: every client still sending it breaks/)
      ]);
      const twin = h.mock.credentials.addPublicKey('staging', { name: 'web' });
      expect(theError(await h.run({ command: 'rotate', ...PUBLIC, name: 'web' }))).toBe(
        `Input 'name': "web" is the name of 2 public keys (${web.id}, ${twin.id}): rotate one by 'key-id'.`
      );
      const byId = await h.run({ command: 'rotate', ...PUBLIC, 'key-id': twin.id });
      expect(byId.outputs['key-id']).toBe(twin.id);
    });
  });

  it('list: values, the default key and secure mode; delete by id, the default key refused', async () => {
    await withMock(node, {}, async (h) => {
      const web = h.mock.credentials.addPublicKey('staging', { name: 'web', is_secure_mode_enabled: true });
      const listed = await h.run({ command: 'list', ...PUBLIC });
      const keys = JSON.parse(listed.outputs.keys!) as { name: string; api_key: string; is_default: boolean }[];
      expect(keys.map((k) => [k.name, k.is_default])).toEqual([
        ['default', true],
        ['web', false]
      ]);
      expect(keys[1]?.api_key).toBe(web.api_key);
      expect(listed.summary).toContain(web.api_key);
      const fallback = h.mock.credentials.publicKeys.get('staging')![0]!;
      expect(theError(await h.run({ command: 'delete', ...PUBLIC, 'key-id': fallback.id }))).toMatch(
        /is the default public key of workspace 'staging': the action does not delete it/
      );
      const deleted = await h.run({ command: 'delete', ...PUBLIC, 'key-id': web.id });
      expect(deleted.outputs['deleted-key-ids']).toBe(JSON.stringify([web.id]));
      expect(web.is_deleted).toBe(true);
      expect(writes(h)).toEqual([`DELETE /v1/staging/ws_public_key/${web.id}/`]);
    });
  });

  it('list in a production workspace: a key with secure mode off gets a warning and is marked; in staging it does not', async () => {
    await withMock(node, {}, async (h) => {
      const open = h.mock.credentials.addPublicKey('production', { name: 'web' });
      h.mock.credentials.addPublicKey('production', { name: 'app', is_secure_mode_enabled: true });
      const result = await h.run({ command: 'list', ...PUBLIC, workspace: 'production' });
      expect(result.exitCode).toBe(0);
      // The default key and "web" have secure mode off; "app" has it on.
      expect(result.warnings).toHaveLength(2);
      expect(result.warnings[1]).toMatch(
        new RegExp(
          `^Public key "web" \\(${open.id}\\) in production workspace 'production' has secure mode off: SuprSend accepts it without a signed user token`
        )
      );
      expect(result.summary).toContain('off ⚠️');
      h.mock.credentials.addPublicKey('staging', { name: 'web' });
      const staging = await h.run({ command: 'list', ...PUBLIC });
      expect(staging.warnings).toEqual([]);
      expect(staging.summary).not.toContain('⚠️');
    });
  });

  it("inputs: 'max-age-days' does not apply to public keys; rotate takes 'key-id' or 'name', not both", async () => {
    await withMock(node, {}, async (h) => {
      expect(theError(await h.run({ command: 'list', ...PUBLIC, 'max-age-days': '90' }))).toBe(
        "Input 'max-age-days': does not apply to public keys ('key-type: public-key'): remove it here, or use 'key-type: api-key'."
      );
      expect(theError(await h.run({ command: 'rotate', ...PUBLIC, name: 'a', 'key-id': 'ws_pubk_1' }))).toMatch(
        /^Input 'name': with 'key-type: public-key', 'rotate' takes the key to rotate by 'key-id' or by 'name'/
      );
      expect(h.mock.requests).toEqual([]);
      // An input this kind of key does not read is named with the kind: with an API key, 'rotate' reads it.
      const ignored = await h.run({ command: 'list', ...PUBLIC, description: 'x' });
      expect(ignored.warnings).toEqual(["Input 'description' does nothing with command 'list' and 'key-type: public-key' and is ignored."]);
    });
  });
});
