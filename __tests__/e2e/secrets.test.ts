/**
 * Storing the new key as a GitHub Actions secret, end to end through dist/,
 * against the fake SuprSend server and a fake GitHub REST API (GITHUB_API_URL)
 * that opens each sealed box with its private key.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MOCK_TOKEN, startMockServer } from '../../tools/mock-server.js';
import { runAction } from '../../tools/run-action.js';
import { GITHUB_TEST_TOKEN, startFakeGitHub } from '../../test-support/fake-github.js';
import { RUNNER_NODE, theError, withGitHub, withMock } from '../../test-support/e2e.js';

/** Under the runner's Node; every Node gets the smoke suite, e2e/node-matrix. */
const node = RUNNER_NODE;

const secretInputs = { name: 'backend', 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN };

describe('GitHub secrets', () => {
  it('stores the new key as a repository secret, sealed with the repository key', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run(secretInputs, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/acme/shop/actions/secrets/public-key',
        'PUT /repos/acme/shop/actions/secrets/SUPRSEND_API_KEY'
      ]);
      expect(result.stdout).toContain(`::add-mask::${GITHUB_TEST_TOKEN}`);
      expect(result.summary).toContain('Stored as repository secret SUPRSEND_API_KEY in acme/shop.');
      expect(result.stdout).toContain('\nStored it as repository secret SUPRSEND_API_KEY in acme/shop.\n');
      expect(result.outputs['api-key']).toBe(h.mock.secrets[0]);
    });
  });

  it('stores an environment secret, in another repository', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const result = await h.run({ ...secretInputs, 'secret-environment': 'production', 'secret-repository': 'acme/infra' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.secrets.get('acme/infra/env:production/SUPRSEND_API_KEY')).toBe(h.mock.secrets[0]);
      expect(result.summary).toContain('environment secret SUPRSEND_API_KEY of environment &#39;production&#39; in acme/infra');
    });
  });

  it('updates the secret on the next run (rotation)', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      await h.run(secretInputs, { env });
      await h.run(secretInputs, { env });
      expect(gh.secrets.get('acme/shop/SUPRSEND_API_KEY')).toBe(h.mock.secrets[1]);
    });
  });

  it('on 403, disables the new key and fails with the reason and the missing permission', async () => {
    await withGitHub(
      node,
      (method) => (method === 'PUT' ? { status: 403, message: 'Resource not accessible by integration' } : undefined),
      async (h, gh, env) => {
        const result = await h.run(secretInputs, { env });
        const error = theError(result);
        const key = h.mock.keys.get('staging')![0]!;
        expect(error).toContain(
          'GitHub did not store the key as repository secret SUPRSEND_API_KEY in acme/shop: HTTP 403 (Resource not accessible by integration'
        );
        expect(error).toContain('"Secrets: write"');
        expect(error).toContain(`The new key ${key.id} was disabled again`);
        expect(h.mock.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
          'POST /v1/staging/ws_api_key/',
          `DELETE /v1/staging/ws_api_key/${key.id}/`
        ]);
        expect(key.is_deleted).toBe(true);
        expect(result.outputs).toEqual({});
        expect(gh.secrets.size).toBe(0);
      }
    );
  });

  it('on 404 for an environment, names it and the permission, and creates no key (GitHub is asked first)', async () => {
    await withGitHub(
      node,
      (_m, path) => (path.includes('/environments/') ? { status: 404, message: 'Not Found' } : undefined),
      async (h, _gh, env) => {
        const error = theError(await h.run({ ...secretInputs, 'secret-environment': 'prod' }, { env }));
        expect(error).toMatch(/environment 'prod' or repository acme\/shop does not exist.*"Environments: write".* No key was created/);
        expect(h.mock.requests).toEqual([]);
      }
    );
  });

  it('when disabling the new key fails too, names the key to disable by hand', async () => {
    const gh = await startFakeGitHub({ fail: (method) => (method === 'PUT' ? { status: 403, message: 'boom' } : undefined) });
    try {
      await withMock(
        node,
        { fault: (r) => (r.method === 'DELETE' ? { status: 503, body: '{"message":"down"}' } : undefined) },
        async (h) => {
          const error = theError(
            await h.run({ ...secretInputs, retries: '0' }, { env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/shop' } })
          );
          const id = h.mock.keys.get('staging')![0]!.id;
          expect(error).toContain(`Disabling the new key ${id} failed too`);
          expect(error).toContain(`Disable it by hand: command 'delete' with key-id ${id}.`);
        }
      );
    } finally {
      await gh.close();
    }
  });

  it('leaves the secret untouched when if-exists: skip reuses a key', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      h.mock.addKey('staging', { name: 'backend' });
      const result = await h.run({ ...secretInputs, 'if-exists': 'skip' }, { env });
      expect(result.exitCode).toBe(0);
      expect(gh.requests).toEqual([]);
    });
  });

  it.each([
    [{ 'secret-name': 'GITHUB_KEY' }, /'secret-name'/],
    [{ 'secret-name': '1KEY' }, /'secret-name'/],
    [{ 'secret-name': 'MY-KEY' }, /'secret-name'/],
    [{ 'github-token': '' }, /'github-token'.*required/],
    [{ 'github-token': 'two words' }, /'github-token'.*spaces/],
    [{ 'secret-repository': 'just-a-name' }, /'secret-repository'.*owner\/repo/],
    [{ 'secret-name': '', 'secret-environment': 'prod' }, /'secret-environment'.*only applies with 'secret-name'/],
    [{ 'secret-name': '' }, /'github-token'.*only applies with 'secret-name'/],
    [{ ephemeral: 'true' }, /Input 'ephemeral': and 'secret-name' are both set: the post step would disable the key the secret now holds/]
  ])('bad input %j fails before any request to SuprSend or GitHub', async (inputs, pattern) => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      expect(theError(await h.run({ ...secretInputs, ...inputs }, { env }))).toMatch(pattern);
      expect(h.mock.requests).toEqual([]);
      expect(gh.requests).toEqual([]);
    });
  });
});

describe('the GitHub client is loaded only when secret-name is set', () => {
  const node24 = RUNNER_NODE;

  /** A copy of dist/ without the chunks that dynamic imports load (Octokit and the sealed-box crypto). */
  function distWithoutChunks(): { entry: string; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), 'dist-'));
    cpSync('dist', dir, { recursive: true });
    const chunks = readdirSync(dir).filter((f) => /^\d+\.index\.js$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) rmSync(join(dir, chunk));
    return {
      entry: join(dir, 'index.js'),
      cleanup: () => {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }

  it('create, list and delete run without the chunks', async () => {
    const { entry, cleanup } = distWithoutChunks();
    const mock = await startMockServer();
    try {
      const common = { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url };
      const runs: Record<string, string>[] = [{ name: 'a' }, { command: 'list' }, { command: 'delete', name: 'a' }];
      for (const inputs of runs) {
        const result = await runAction({ entry, node: node24, inputs: { ...common, ...inputs } });
        expect(result.errors).toEqual([]);
        expect(result.exitCode).toBe(0);
      }
    } finally {
      cleanup();
      await mock.close();
    }
  });

  it('when the GitHub client cannot even be loaded, no key is made and the error says the copy of dist/ is incomplete', async () => {
    const { entry, cleanup } = distWithoutChunks();
    const mock = await startMockServer();
    try {
      const result = await runAction({
        entry,
        node: node24,
        inputs: { 'service-token': MOCK_TOKEN, workspace: 'staging', 'base-url': mock.url, ...secretInputs },
        env: { GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: 'http://127.0.0.1:9' }
      });
      expect(theError(result)).toMatch(
        /^The action's GitHub client could not be loaded \(.*\): its copy of dist\/ is incomplete\..* No key was created/
      );
      expect(mock.requests).toEqual([]);
      expect(result.outputs).toEqual({});
    } finally {
      cleanup();
      await mock.close();
    }
  });
});
