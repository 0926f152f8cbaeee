/**
 * Contract: the bundled action against a mock generated from the API descriptions
 * (api/*.openapi.yaml, served together: their paths and schemas side by side) by Prism with --errors, which
 * answers any request that breaks the spec (path, method, auth header, body) with
 * an error instead of an example. What passes here speaks the documented API.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { runAction } from '../../tools/run-action.js';
import { ENTRY, expectNoLeak, NODES } from '../../test-support/e2e.js';
import { closedPort } from '../../test-support/util.js';
import { createTransport } from '../../src/net/http.js';
import { PublicKeyClient } from '../../src/suprsend/public-keys.js';
import { SigningKeyClient } from '../../src/suprsend/signing-keys.js';

/** The API descriptions, vendored from shared/api/ (.ci/run fails when they differ), merged into one for Prism. */
const SPECS = [
  'api/suprsend-ws-api-key.openapi.yaml',
  'api/suprsend-workspace.openapi.yaml',
  'api/suprsend-hub-key-check.openapi.yaml',
  'api/suprsend-ws-signing-key.openapi.yaml',
  'api/suprsend-ws-public-key.openapi.yaml'
];

function mergedSpec(): string {
  interface Spec {
    paths: Record<string, Record<string, Record<string, unknown>>>;
    security?: unknown;
    components: Record<string, Record<string, unknown> | undefined>;
  }
  const [keys, ...others] = SPECS.map((f) => parse(readFileSync(resolve(f), 'utf8')) as Spec) as [Spec, ...Spec[]];
  const hub = others[1]!;
  // The hub's key check is authorised by the key itself (Bearer), not the service token: its operations keep their own security.
  const hubPaths = Object.fromEntries(
    Object.entries(hub.paths).map(([path, ops]) => [
      path,
      Object.fromEntries(Object.entries(ops).map(([method, op]) => [method, { ...op, security: hub.security }]))
    ])
  );
  // Paths side by side; components merged by kind (the descriptions share Workspace, Actor and Error, identical).
  const components: Record<string, Record<string, unknown>> = {};
  for (const spec of [...others, keys]) {
    for (const [kind, entries] of Object.entries(spec.components)) components[kind] = { ...components[kind], ...entries };
  }
  const merged = {
    ...keys,
    paths: Object.assign({}, ...others.map((spec) => spec.paths), keys.paths, hubPaths) as Spec['paths'],
    components
  };
  const file = join(mkdtempSync(join(tmpdir(), 'spec-')), 'suprsend.openapi.yaml');
  writeFileSync(file, stringify(merged));
  return file;
}
const require = createRequire(import.meta.url);
const PRISM = join(require.resolve('@stoplight/prism-cli/package.json'), '..', 'dist', 'index.js');
const TOKEN = 'contract-token';
const EXAMPLE_SECRET = 'SS.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';

let prism: ChildProcess | undefined;
let url: string;
let log = '';

beforeAll(async () => {
  const port = await closedPort();
  url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [PRISM, 'mock', '--errors', '-h', '127.0.0.1', '-p', String(port), mergedSpec()], {
    stdio: ['ignore', 'pipe', 'pipe']
  });
  prism = child;
  // Wait for Prism to say it listens (a signal, not a sleep); the test timeout bounds it.
  await new Promise<void>((resolveReady, reject) => {
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) resolveReady();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      reject(new Error(`prism exited (${code}): ${log}`));
    });
  });
}, 60_000);

afterAll(() => {
  prism?.kill();
});

const [, node24] = NODES[0]!;
const run = (inputs: Record<string, string>) =>
  runAction({
    entry: ENTRY,
    node: node24,
    inputs: { 'service-token': TOKEN, workspace: 'staging', 'base-url': url, ...inputs },
    env: { RUNNER_DEBUG: '1' }
  });

describe('contract with the OpenAPI description (Prism --errors)', () => {
  it('the mock rejects requests that break the spec (so the tests below can fail)', async () => {
    const noSlash = await fetch(`${url}/v1/staging/ws_api_key`, { headers: { Authorization: `ServiceToken ${TOKEN}` } });
    expect(noSlash.status).toBeGreaterThanOrEqual(400);
    const noAuth = await fetch(`${url}/v1/staging/ws_api_key/`);
    expect(noAuth.status).toBe(401);
    const noName = await fetch(`${url}/v1/staging/ws_api_key/`, {
      method: 'POST',
      headers: { Authorization: `ServiceToken ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'no name' })
    });
    expect(noName.status).toBeGreaterThanOrEqual(400);
  });

  it('create: the documented request, and the documented answer read into outputs', async () => {
    const result = await run({ command: 'create', name: 'backend-prod', description: 'Primary backend key' });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      'key-id': 'ws_apik_exampleId01',
      'masked-api-key': 'SS.XXXXXXX*****',
      'api-key': EXAMPLE_SECRET,
      created: 'true'
    });
    expectNoLeak(result, [TOKEN, EXAMPLE_SECRET]);
  });

  it('list: the documented listing read into keys and count', async () => {
    const result = await run({ command: 'list', 'include-deleted': 'true' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.count).toBe('1');
    expect((JSON.parse(result.outputs.keys!) as unknown[])[0]).toMatchObject({ id: 'ws_apik_exampleId01', name: 'backend-prod' });
  });

  it('delete: a listing, then the documented DELETE answered 204', async () => {
    const result = await run({ command: 'delete', 'key-id': 'ws_apik_exampleId01' });
    expect(result.errors).toEqual([]);
    expect(result.outputs['deleted-key-ids']).toBe('["ws_apik_exampleId01"]');
    expect(result.stdout).toMatch(/::debug::DELETE .*\/v1\/staging\/ws_api_key\/ws_apik_exampleId01\/ -> 204/);
  });

  it("list with workspace '*': the documented workspace listing, then each workspace's keys", async () => {
    const result = await run({ command: 'list', workspace: '*', 'include-deleted': 'true' });
    expect(result.errors).toEqual([]);
    expect(result.outputs.workspaces).toBe('["staging","production"]');
    expect((JSON.parse(result.outputs.keys!) as { workspace: string }[]).map((k) => k.workspace)).toEqual(['staging', 'production']);
    expect(result.stdout).toMatch(/::debug::GET .*\/v1\/workspace\/\?limit=50&offset=0 -> 200/);
  });

  it("rotate's key check: the documented hub read, with the new key as a Bearer token", async () => {
    const result = await run({ command: 'rotate', name: 'backend-prod', keep: '2', 'hub-url': url });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::debug::GET .*\/v1\/tenant\/\?limit=1 -> 200/);
    expect(result.stdout).toContain("Checked it with SuprSend's hub");
  });

  it('a base-url that is not the API root gets a 404 from the mock, explained with base-url', async () => {
    const result = await run({ command: 'list', 'base-url': `${url}/not-the-api` });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(/Workspace 'staging' was not found \(HTTP 404.*'base-url' \(http:\/\/127\.0\.0\.1:\d+\/not-the-api\)/);
  });

  it("signing keys and public keys through dist/: a roll of the documented active key, a public key's rotate and listing", async () => {
    const rolled = await run({ command: 'rotate', 'key-type': 'signing-key' });
    expect(rolled.errors).toEqual([]);
    expect(rolled.stdout).toMatch(/::debug::POST .*\/v1\/staging\/ws_signing_key\/signing_key_exampleUid01\/roll\/ -> 201/);
    // The roll's answer has no example: Prism makes one from the schema, and the action reads it as the new key.
    expect(rolled.outputs['private-key']).not.toBe('');
    expect(rolled.stdout).toContain(`::add-mask::${rolled.outputs['private-key-base64']!}`);
    expectNoLeak(rolled, [TOKEN]);
    const listed = await run({ command: 'list', 'key-type': 'public-key' });
    expect(listed.errors).toEqual([]);
    expect(listed.outputs.count).toBe('1');
    const rotated = await run({ command: 'rotate', 'key-type': 'public-key', 'key-id': 'ws_pubk_exampleId02', 'secure-mode': 'on' });
    expect(rotated.errors).toEqual([]);
    expect(rotated.stdout).toMatch(/::debug::PATCH .*\/v1\/staging\/ws_public_key\/ws_pubk_exampleId02\/rotate\/ -> 202/);
  });

  it('signing keys and public keys: the clients send the documented requests and read the documented answers', async () => {
    const transport = createTransport('contract-test');
    const masked: string[] = [];
    const deps = {
      transport,
      debug: () => undefined,
      warning: () => undefined,
      onSecret: (secret: string) => masked.push(secret),
      sleep: () => Promise.resolve(),
      now: () => new Date(),
      random: () => 0.5,
      userAgent: 'contract-test'
    };
    const connection = { token: TOKEN, baseUrl: new URL(url), timeoutMs: 10_000, retries: 0 };
    try {
      const signing = new SigningKeyClient(connection, 'staging', deps);
      expect((await signing.list()).map((k) => k.status)).toEqual(['active', 'rolled']);
      const made = await signing.create();
      expect(made.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(masked).toEqual(expect.arrayContaining([made.privateKeyPem, made.privateKeyBase64, '-----BEGIN PRIVATE KEY-----']));
      await signing.roll(made.key.uid);
      expect(await signing.delete(made.key.uid)).toBe('deleted');
      const publicKeys = new PublicKeyClient(connection, 'staging', deps);
      const [listed] = await publicKeys.list();
      expect(listed?.api_key).toMatch(/^SS\.PUBK\./);
      const web = await publicKeys.create('web-app', 'Browser integration');
      await publicKeys.rotate(web.id);
      await publicKeys.setSecureMode(web.id, true);
      expect(await publicKeys.delete(web.id)).toBe('deleted');
    } finally {
      transport.close();
    }
  });
});
