/**
 * The clients for a workspace's signing keys and public keys (#26's ground floor: no input reaches
 * them yet), in process against the built-in mock's routes: the private key masked whole, line by
 * line and in base64 before anything else; one active signing key; a roll that leaves the old key
 * `rolled`; uid-addressed deletes, hostile uids refused; a public key rotated in place.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN, startMockServer, type MockServer } from '../../tools/mock-server.js';
import { mockTransport } from '../../test-support/in-process.js';
import { SigningKeyClient } from '../../src/suprsend/signing-keys.js';
import { PublicKeyClient } from '../../src/suprsend/public-keys.js';
import type { ClientDeps, Connection } from '../../src/suprsend/types.js';
import { SuprSendFailure } from '../../src/suprsend/failure.js';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ workspaces: ['staging', 'production'] });
});
afterAll(() => mock.close());

function clientDeps(): { deps: ClientDeps; masked: string[]; warnings: string[] } {
  const masked: string[] = [];
  const warnings: string[] = [];
  const deps: ClientDeps = {
    transport: mockTransport(mock),
    debug: () => undefined,
    warning: (m) => warnings.push(m),
    onSecret: (s) => masked.push(s),
    sleep: () => Promise.resolve(),
    now: () => new Date(),
    random: () => 0.5,
    userAgent: 'test'
  };
  return { deps, masked, warnings };
}

const connection = (): Connection => ({ token: MOCK_TOKEN, baseUrl: new URL(mock.url), timeoutMs: 5000, retries: 0 });

describe('signing keys', () => {
  it('create: the private key comes back once, masked whole, line by line and in base64; a second create is refused', async () => {
    const { deps, masked } = clientDeps();
    const client = new SigningKeyClient(connection(), 'staging', deps);
    const made = await client.create();
    expect(made.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(Buffer.from(made.privateKeyBase64, 'base64').toString()).toBe(made.privateKeyPem);
    const lines = made.privateKeyPem.split('\n').filter((l) => l !== '');
    expect(masked).toEqual(expect.arrayContaining([made.privateKeyPem, made.privateKeyBase64, ...lines]));
    // The key record carries no private material.
    expect(JSON.stringify(made.key)).not.toContain('PRIVATE');
    expect(made.key).toMatchObject({
      status: 'active',
      id: expect.stringMatching(/^ws_signk_/),
      uid: expect.stringMatching(/^signing_key_/)
    });
    await expect(client.create()).rejects.toThrow(SuprSendFailure);
    // A listing never carries it either.
    expect(JSON.stringify(await client.list())).not.toContain('PRIVATE');
  });

  it('roll: a new active key, the old one rolled; delete by uid; a uid that could steer a request is refused', async () => {
    const { deps } = clientDeps();
    const client = new SigningKeyClient(connection(), 'production', deps);
    const first = await client.create();
    const rolled = await client.roll(first.key.uid);
    expect(rolled.key.uid).not.toBe(first.key.uid);
    const listed = await client.list();
    expect(listed.map((k) => [k.uid, k.status])).toEqual([
      [first.key.uid, 'rolled'],
      [rolled.key.uid, 'active']
    ]);
    expect(await client.delete(first.key.uid)).toBe('deleted');
    expect(await client.delete(first.key.uid)).toBe('not-found');
    const before = mock.requests.length;
    for (const hostile of ['../ws_api_key', 'a/b', '..', 'x?y=1'])
      await expect(client.roll(hostile)).rejects.toThrow(/Refusing to roll signing key .*not a key uid/);
    await expect(client.delete('../../v1/workspace')).rejects.toThrow(/Refusing to delete signing key/);
    expect(mock.requests.length).toBe(before);
  });

  it('a listed key whose uid could steer a request is skipped with a warning', async () => {
    const { deps, warnings } = clientDeps();
    mock.credentials.addSigningKey('staging', { uid: '../x', status: 'rolled' });
    const listed = await new SigningKeyClient(connection(), 'staging', deps).list();
    expect(listed.map((k) => k.uid)).not.toContain('../x');
    expect(warnings).toEqual([expect.stringMatching(/^Skipped a signing key listed in workspace 'staging'.*its uid "\.\.\/x" is not one/)]);
  });
});

describe('public keys', () => {
  it('lists values (not secret), creates, rotates in place keeping the id, turns secure mode on, deletes', async () => {
    const { deps, masked } = clientDeps();
    const client = new PublicKeyClient(connection(), 'staging', deps);
    const [fallback] = await client.list();
    expect(fallback).toMatchObject({ name: 'default', is_default: true, api_key: expect.stringMatching(/^SS\.PUBK\./) });
    const web = await client.create('web', 'Browser');
    const rotated = await client.rotate(web.id);
    expect(rotated.id).toBe(web.id);
    expect(rotated.api_key).not.toBe(web.api_key);
    expect((await client.setSecureMode(web.id, true)).is_secure_mode_enabled).toBe(true);
    expect(await client.delete(web.id)).toBe('deleted');
    expect((await client.list()).find((k) => k.id === web.id)?.is_deleted).toBe(true);
    expect(masked).toEqual([]);
    await expect(client.rotate('a/../b')).rejects.toThrow(/Refusing to rotate public key/);
  });
});
