/**
 * Contract with GitHub's published REST description (`@octokit/openapi`, api.github.com.json):
 * the bundled action runs against the fake GitHub, and every request it sends must be an
 * operation the description has (method and path, each parameter in its segment, environment
 * names encoded), with a body its schema accepts; every answer the fake gives must be a status
 * that operation lists, with a body its schema accepts. So the action speaks GitHub's API, and
 * the fake answers as GitHub does. (A repository lookup, and a secret's list of repositories, are
 * answered with the fields the action reads, not the whole `full-repository` / `minimal-repository`.)
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GITHUB_TEST_TOKEN, type RecordedRequest } from '../../test-support/fake-github.js';
import { NODES, withGitHub } from '../../test-support/e2e.js';
import { ago, DAY } from '../../test-support/util.js';

const [, node] = NODES[0]!;
const require = createRequire(import.meta.url);

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Description {
  paths: Record<string, Record<string, Operation>>;
  components: unknown;
}

/** Answers the fake gives with only the fields the action reads: a repository (id, full_name), a secret's repositories (id, name). */
const ANSWERED_IN_PART = [
  '/repos/{owner}/{repo}',
  '/orgs/{org}/actions/secrets/{secret_name}/repositories',
  '/orgs/{org}/actions/variables/{name}/repositories'
];

let description: Description;
let ajv: Ajv;
const compiled = new Map<unknown, ValidateFunction>();

beforeAll(() => {
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  description = JSON.parse(readFileSync(file, 'utf8')) as Description;
  ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ $id: 'gh', components: nullableAsAnyOf(description.components) });
});

/**
 * OpenAPI 3.0's `nullable`, written as the JSON Schema it means (null, or the rest): ajv refuses it
 * beside `anyOf` without a `type`, and refuses null for a nullable `enum` (the issue schemas have both).
 */
function nullableAsAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableAsAnyOf);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([k, v]) => [k, nullableAsAnyOf(v)] as const);
  const copy = Object.fromEntries(entries) as Record<string, unknown>;
  if (copy.nullable !== true) return copy;
  const { nullable: _nullable, ...rest } = copy;
  return { anyOf: [{ type: 'null' }, rest] };
}

/** A schema of the description, its `#/components/…` references pointed at the document added above. */
function validator(schema: unknown): ValidateFunction {
  let found = compiled.get(schema);
  if (found === undefined) {
    found = ajv.compile(nullableAsAnyOf(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"gh#/components/'))) as object);
    compiled.set(schema, found);
  }
  return found;
}

/** The description's operation for a request as sent: each `{parameter}` one whole, still-encoded segment. */
function operationOf(request: RecordedRequest): { template: string; operation: Operation } | undefined {
  for (const [template, methods] of Object.entries(description.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = methods[request.method.toLowerCase()];
    if (pattern.test(request.rawPath) && operation !== undefined) return { template, operation };
  }
  return undefined;
}

function expectKept(requests: RecordedRequest[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    const found = operationOf(request);
    expect([request.method, request.rawPath, found?.template !== undefined]).toEqual([request.method, request.rawPath, true]);
    const { operation, template } = found!;
    expect(request.authorization).toBe(`token ${GITHUB_TEST_TOKEN}`);
    const bodySchema = operation.requestBody?.content['application/json']?.schema;
    if (bodySchema !== undefined) {
      const check = validator(bodySchema);
      expect([template, check(JSON.parse(request.body)), check.errors]).toEqual([template, true, null]);
    } else {
      expect(request.body).toBe('');
    }
    // Errors GitHub may give on any operation (401, 404 …) are often left out of it: those must be a basic-error.
    const answered =
      operation.responses[String(request.status)] ??
      ((request.status ?? 0) >= 400
        ? { content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } }
        : undefined);
    expect([template, request.status, answered !== undefined]).toEqual([template, request.status, true]);
    const answerSchema = answered?.content?.['application/json']?.schema;
    if (answerSchema !== undefined && !ANSWERED_IN_PART.includes(template)) {
      const check = validator(answerSchema);
      expect([template, check(JSON.parse(request.answer || 'null')), check.errors]).toEqual([template, true, null]);
    }
  }
}

describe("contract with GitHub's REST description", () => {
  it('repository secrets: created (201), then updated (204)', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const inputs = { name: 'backend', 'secret-name': 'SUPRSEND_API_KEY', 'github-token': GITHUB_TEST_TOKEN };
      expect((await h.run(inputs, { env })).exitCode).toBe(0);
      expect((await h.run({ ...inputs, command: 'rotate' }, { env })).exitCode).toBe(0);
      expect(gh.requests.map((r) => r.status)).toEqual([200, 201, 200, 204]);
      expectKept(gh.requests);
    });
  });

  it('an environment secret whose name holds a "/"', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const inputs = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN, 'secret-environment': 'prod/eu' };
      expect((await h.run(inputs, { env })).exitCode).toBe(0);
      expectKept(gh.requests);
    });
  });

  it('an organization secret for selected repositories, and for all', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const org = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN, 'secret-organization': 'acme' };
      expect((await h.run({ ...org, 'secret-visibility': 'selected', 'secret-repositories': 'shop, api' }, { env })).exitCode).toBe(0);
      expect((await h.run({ ...org, 'secret-visibility': 'all' }, { env })).exitCode).toBe(0);
      expectKept(gh.requests);
    });
  });

  it("an existing organization secret's access read first (the secret, its repositories), for Actions and Dependabot", async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      gh.seedOrgSecret('acme', 'K', 'selected', [101, 102]);
      const org = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN, 'secret-organization': 'acme' };
      expect((await h.run(org, { env })).exitCode).toBe(0);
      expect((await h.run({ ...org, 'secret-type': 'dependabot' }, { env })).exitCode).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.rawPath} ${r.status}`)).toContain('GET /orgs/acme/actions/secrets/K/repositories 200');
      // A secret that does not exist yet answers 404 (a basic-error): checked too.
      expectKept(gh.requests);
    });
  });

  it('a repository Dependabot secret', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const inputs = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN, 'secret-type': 'dependabot' };
      expect((await h.run(inputs, { env })).exitCode).toBe(0);
      expectKept(gh.requests);
    });
  });

  it('a write whose answer was lost, settled by reading the secret back', async () => {
    let puts = 0;
    const fail = (method: string) => (method === 'PUT' && puts++ === 0 ? { status: 502, message: 'Bad Gateway', apply: true } : undefined);
    await withGitHub(node, fail, async (h, gh, env) => {
      const inputs = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN, retries: '0' };
      expect((await h.run(inputs, { env })).exitCode).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'PUT 502', 'GET 200']);
      expectKept(gh.requests.filter((r) => r.status !== 502));
    });
  });

  it('refusals as GitHub words them: 404, 401', async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const inputs = { name: 'backend', 'secret-name': 'K', 'github-token': GITHUB_TEST_TOKEN };
      expect((await h.run({ ...inputs, 'secret-repository': 'acme/ghost' }, { env })).exitCode).toBe(1);
      expect((await h.run({ ...inputs, 'github-token': 'ghs_wrong' }, { env })).exitCode).toBe(1);
      expect(gh.requests.map((r) => r.status)).toEqual([404, 401]);
      expectKept(gh.requests.slice(0, 1));
      expect(gh.requests[1]!.authorization).toBe('token ghs_wrong');
    });
  });

  it("the audit's tracking issue: listed, opened (201), updated, commented on and closed (200), and a write refused (403)", async () => {
    await withGitHub(node, { mock: { workspaces: ['staging'] } }, async (h, gh, env) => {
      const audit = { command: 'list', 'max-age-days': '90', issue: 'true', 'github-token': GITHUB_TEST_TOKEN };
      gh.issues.seed('acme/shop', { title: 'A pull request', body: 'x', pull_request: true });
      h.mock.addKey('staging', { name: 'old', created_at: ago(100 * DAY) });
      expect((await h.run(audit, { env })).exitCode).toBe(0);
      expect((await h.run(audit, { env })).exitCode).toBe(0);
      for (const key of h.mock.keys.get('staging') ?? []) key.is_deleted = true;
      expect((await h.run(audit, { env })).exitCode).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.rawPath} ${r.status}`)).toEqual([
        'GET /repos/acme/shop/issues 200',
        'POST /repos/acme/shop/issues 201',
        'GET /repos/acme/shop/issues 200',
        'GET /repos/acme/shop/issues 200',
        'PATCH /repos/acme/shop/issues/2 200',
        'GET /repos/acme/shop/issues 200',
        'POST /repos/acme/shop/issues/2/comments 201',
        'PATCH /repos/acme/shop/issues/2 200'
      ]);
      expectKept(gh.requests);
    });
    await withGitHub(node, { mock: { workspaces: ['staging'] }, issuesReadOnly: ['acme/shop'] }, async (h, gh, env) => {
      h.mock.addKey('staging', { name: 'old', created_at: ago(100 * DAY) });
      const audit = { command: 'list', 'max-age-days': '90', issue: 'true', 'github-token': GITHUB_TEST_TOKEN };
      expect((await h.run(audit, { env })).exitCode).toBe(1);
      expect(gh.requests.map((r) => r.status)).toEqual([200, 403]);
      expectKept(gh.requests);
    });
  });

  it("a public key's variables: repository (created 201, updated 204), environment, organization with its access read first", async () => {
    await withGitHub(node, undefined, async (h, gh, env) => {
      const store = { 'key-type': 'public-key', 'variable-name': 'WEB_KEY', 'github-token': GITHUB_TEST_TOKEN };
      gh.variables.seed('org:acme/WEB_KEY', 'old', { visibility: 'selected', selected: [101, 102] });
      expect((await h.run({ ...store, command: 'create', name: 'web' }, { env })).exitCode).toBe(0);
      expect((await h.run({ ...store, command: 'rotate', name: 'web' }, { env })).exitCode).toBe(0);
      expect((await h.run({ ...store, command: 'rotate', name: 'web', 'secret-environment': 'prod/eu' }, { env })).exitCode).toBe(0);
      expect((await h.run({ ...store, command: 'rotate', name: 'web', 'secret-organization': 'acme' }, { env })).exitCode).toBe(0);
      expect(gh.requests.map((r) => `${r.method} ${r.rawPath} ${r.status}`)).toEqual(
        expect.arrayContaining([
          'POST /repos/acme/shop/actions/variables 201',
          'PATCH /repos/acme/shop/actions/variables/WEB_KEY 204',
          'POST /repos/acme/shop/environments/prod%2Feu/variables 201',
          'GET /orgs/acme/actions/variables/WEB_KEY/repositories 200',
          'PATCH /orgs/acme/actions/variables/WEB_KEY 204'
        ])
      );
      expectKept(gh.requests);
    });
  });
});
