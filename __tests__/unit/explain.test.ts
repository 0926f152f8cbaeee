/** Failure wording, without a server: every kind of SuprSend and GitHub failure becomes a message that says what to fix. */
import { describe, expect, it } from '@jest/globals';
import { ActionError } from '../../src/errors.js';
import { GitHubFailure, type GitHubFacts, type GitHubRequest } from '../../src/github/failure.js';
import type { SecretScope, SecretTarget } from '../../src/github/target.js';
import { describeError } from '../../src/report/explain.js';
import { SuprSendFailure, type AnswerProblem, type FailedRequest, type FailureFacts } from '../../src/suprsend/failure.js';

const list: FailedRequest = {
  method: 'GET',
  what: "list the keys of workspace 'staging'",
  workspace: 'staging',
  baseUrl: new URL('https://management-api.suprsend.com'),
  timeoutMs: 30_000
};
const create: FailedRequest = { ...list, method: 'POST', what: 'create a key named "app"', keyName: 'app' };
const say = (request: FailedRequest, facts: FailureFacts): string => describeError(new SuprSendFailure(request, facts));
const status = (s: number, extra: Partial<FailureFacts & { kind: 'status' }> = {}): FailureFacts => ({
  kind: 'status',
  status: s,
  apiMessage: 'said so',
  retries: 0,
  ...extra
});

describe('SuprSend failures', () => {
  it.each([
    [401, /rejected the service token \(HTTP 401: said so\)\. Check the 'service-token' input \(or SUPRSEND_SERVICE_TOKEN\)/],
    [403, /may not list the keys of workspace 'staging' \(HTTP 403: said so\)\. Use a service token with access to workspace 'staging'/],
    [404, /^Workspace 'staging' was not found \(HTTP 404: said so\)\. Check the 'workspace' input.*production\.$/],
    [301, /with a redirect \(HTTP 301\)\. The action does not follow redirects.*set 'base-url'/],
    [429, /limiting the request rate \(HTTP 429: said so\), so the action could not list/],
    [502, /failed to list .* \(HTTP 502: said so\)\. The fault is on SuprSend's side or a proxy's; run again later\.$/],
    [400, /^SuprSend refused to list the keys of workspace 'staging' \(HTTP 400: said so\)\.$/],
    [199, /unexpected answer/]
  ])('HTTP %i', (code, pattern) => {
    expect(say(list, status(code))).toMatch(pattern);
  });

  it('a 404 behind another base-url also asks whether it is the API', () => {
    expect(say({ ...list, baseUrl: new URL('http://127.0.0.1:9/x') }, status(404))).toMatch(
      /Is 'base-url' \(http:\/\/127\.0\.0\.1:9\/x\) the SuprSend/
    );
  });

  it('counts retries, and a create that may have reached SuprSend says how to find the key', () => {
    const message = say(create, status(503, { retries: 2 }));
    expect(message).toMatch(/\(HTTP 503: said so\) after 2 retries\./);
    expect(message).toMatch(/a key named "app" may exist now .* command 'list' and name "app"/);
    expect(say(list, status(503, { retries: 1 }))).toMatch(/after 1 retry\. .*later\.$/);
  });

  it('transport failures name the deadline, the host, or the size', () => {
    const transport = (failure: 'timeout' | 'unreachable' | 'connection' | 'too-large', reached: boolean): FailureFacts => ({
      kind: 'transport',
      failure,
      message: 'what happened',
      retries: 3,
      mayHaveReachedServer: reached
    });
    expect(say(list, transport('timeout', true))).toMatch(
      /did not answer in time .*: what happened \(after 3 retries\), the deadline set by 'timeout-seconds' \(30\)\. Raise/
    );
    expect(say(list, transport('unreachable', false))).toMatch(
      /^Could not reach SuprSend at management-api\.suprsend\.com to .*Check 'base-url'.*HTTPS_PROXY/
    );
    expect(say(list, transport('connection', true))).toMatch(/^The connection to SuprSend at management-api\.suprsend\.com failed/);
    expect(say(list, transport('too-large', true))).toMatch(/is too large: what happened\. Is 'base-url'/);
    expect(say(create, transport('connection', true))).toMatch(/may exist now/);
    expect(say(create, transport('unreachable', false))).not.toMatch(/may exist now/);
  });

  it('Retry-After beyond the wait, paging that never ends', () => {
    expect(say(list, { kind: 'retry-after', status: 503, waitMs: 90_500, maxWaitMs: 60_000 })).toMatch(
      /asked to wait 91 s .*longer than the 60 s/
    );
    expect(say(list, { kind: 'paging', message: 'it never ends' })).toBe("Could not list the keys of workspace 'staging': it never ends.");
  });

  it('answers that cannot be used, never quoting a create body', () => {
    const answer = (problem: AnswerProblem, extra: Partial<FailureFacts & { kind: 'answer' }> = {}): FailureFacts => ({
      kind: 'answer',
      problem,
      status: 201,
      ...extra
    });
    const body = { contentType: 'text/html', bytes: 12, snippet: 'Sign in' };
    expect(say(list, answer('not-json', { body }))).toMatch(/is not JSON \(content-type text\/html, 12 bytes: "Sign in"\)\. Is 'base-url'/);
    expect(say(create, answer('create-not-json', { body: { contentType: undefined, bytes: 5 } }))).toMatch(
      /not with JSON \(content-type not given, 5 bytes\).*look for it with command 'list' and name "app"/
    );
    expect(say(create, answer('create-without-secret', { keyId: 'ws_apik_1' }))).toMatch(
      /has no api_key\. .*its id is ws_apik_1; disable it/
    );
    expect(say(create, answer('create-without-id'))).toMatch(/has no id\. .*look for it with command 'list'/);
    expect(say(create, answer('create-with-bad-id', { keyId: '../x' }))).toMatch(/a key id that is not one \("\.\.\/x"\)/);
    expect(say(list, answer('no-results', { offset: 200 }))).toMatch(/has no 'results' list \(offset 200\)/);
    expect(say(list, answer('entry-without-id', { offset: 7 }))).toMatch(/an entry without an id \(offset 7\)/);
  });

  it("a signing key's create or roll is worded for a signing key: its private key, how to find and delete it", () => {
    const made = {
      thing: 'A signing key',
      secretField: 'private_key_pem',
      lookFor: "look for it with command 'list' and 'key-type: signing-key'",
      remove: "delete it with command 'delete', 'key-type: signing-key' and its uid"
    };
    const roll: FailedRequest = { ...list, method: 'POST', what: "roll signing key signing_key_1 in workspace 'staging'", made };
    expect(say(roll, { kind: 'answer', problem: 'create-without-secret', status: 201 })).toBe(
      "SuprSend answered HTTP 201 to roll signing key signing_key_1 in workspace 'staging', but the answer has no private_key_pem. " +
        "The key was probably created, and its secret cannot be read again: look for it with command 'list' and 'key-type: signing-key'; " +
        "delete it with command 'delete', 'key-type: signing-key' and its uid and run again."
    );
    expect(say(roll, status(502))).toMatch(
      /so a new signing key may exist now .*look for it with command 'list' and 'key-type: signing-key'/
    );
    expect(say(roll, status(502))).not.toMatch(/a key named/);
  });
});

describe('GitHub failures', () => {
  const target = (scope: SecretScope): SecretTarget => ({
    name: 'K',
    type: 'actions',
    scope,
    githubToken: 't',
    apiUrl: 'https://api.github.com'
  });
  const repository: SecretScope = { kind: 'repository', owner: 'acme', repo: 'shop' };
  const environment: SecretScope = { kind: 'environment', owner: 'acme', repo: 'shop', environment: 'prod' };
  const organization: SecretScope = { kind: 'organization', org: 'acme', visibility: 'selected', repositories: ['shop', 'api'] };
  const get: GitHubRequest = { method: 'GET', what: 'read the public key of repository acme/shop' };
  const put: GitHubRequest = { method: 'PUT', what: 'store repository secret K in acme/shop' };
  const status = (code: number, message = 'boom', extra: Partial<GitHubFacts & { kind: 'status' }> = {}): GitHubFacts => ({
    kind: 'status',
    status: code,
    message,
    retries: 0,
    rateLimited: false,
    ...extra
  });
  const say = (scope: SecretScope, request: GitHubRequest, facts: GitHubFacts): string =>
    describeError(new GitHubFailure(target(scope), request, facts));

  it.each([
    [401, repository, /HTTP 401 \(boom\): 'github-token' is not a valid token/],
    [403, repository, /HTTP 403 \(boom\): 'github-token' needs the repository permission "Secrets: write"/],
    [404, repository, /repository acme\/shop does not exist or the token cannot see it/],
    [404, environment, /environment 'prod' or repository acme\/shop does not exist.*"Environments: write"/],
    [403, organization, /needs the organization permission "Secrets: write" .*, or the admin:org scope for a classic token\.$/],
    [404, organization, /organization acme does not exist, or the token cannot see it/],
    [500, repository, /HTTP 500 \(boom\)\. The fault is on GitHub's side or a proxy's; run again later\.$/]
  ])('HTTP %s (%j)', (code, scope, pattern) => {
    const message = say(scope, get, status(code));
    expect(message).toMatch(/^GitHub did not store the key as (repository|environment|organization) secret K/);
    expect(message).toMatch(pattern);
  });

  it('a connection that never happened says GitHub could not be reached, never an HTTP status', () => {
    const message = say(repository, get, {
      kind: 'transport',
      failure: 'unreachable',
      message: 'ECONNREFUSED: connection refused',
      retries: 2,
      mayHaveReachedServer: false
    });
    expect(message).toMatch(
      /^Could not reach GitHub at api\.github\.com to read the public key .*\(after 2 retries\)\. Check GITHUB_API_URL/
    );
    expect(message).toContain("Check GITHUB_API_URL (https://api.github.com), the runner's network and, behind a proxy, HTTPS_PROXY");
    expect(message).not.toMatch(/HTTP \d/);
  });

  it('a write whose answer was lost says the secret may hold the key; one read back as not applied says it was not stored', () => {
    const lost = {
      kind: 'transport',
      failure: 'timeout',
      message: 'no complete response within 3 s',
      retries: 3,
      mayHaveReachedServer: true
    } as const;
    expect(say(repository, put, lost)).toContain('GitHub may have stored the key as repository secret K in acme/shop all the same.');
    expect(describeError(new GitHubFailure(target(repository), put, lost, true))).toContain(
      'The key was not stored as repository secret K in acme/shop (read back: the secret did not change).'
    );
    expect(say(repository, put, status(502))).toMatch(/^GitHub failed to store .*HTTP 502.*may have stored the key/);
  });

  it('names an unknown repository of the selected list, and one the token may not read', () => {
    const lookup: GitHubRequest = { method: 'GET', what: 'look up repository acme/api', repository: 'acme/api' };
    expect(say(organization, lookup, status(404, 'Not Found'))).toBe(
      "GitHub did not store the key as organization secret K of acme (visible to shop, api): HTTP 404 (Not Found): repository acme/api, named in 'secret-repositories', does not exist or the token cannot see it."
    );
    const refused = say(organization, lookup, status(403, 'Resource protected by organization SAML enforcement'));
    expect(refused).toContain("the token may not read repository acme/api, named in 'secret-repositories'");
    expect(refused).toContain('SAML SSO');
    expect(refused).not.toContain('Secrets: write');
  });

  it('a redirect, a wrong answer and a long Retry-After name GITHUB_API_URL', () => {
    expect(say(repository, put, { kind: 'redirect', status: 307, location: 'https://evil.example/x', why: 'write' })).toMatch(
      /redirect \(HTTP 307 to https:\/\/evil\.example\/x\), which the action does not follow: a write is never sent anywhere else.*GITHUB_API_URL \(https:\/\/api\.github\.com\)/
    );
    expect(say(repository, get, { kind: 'answer', problem: 'its public key is 31 bytes, not the 32 of an X25519 key' })).toMatch(
      /^GitHub's answer to read the public key .* cannot be right: its public key is 31 bytes.*Is GITHUB_API_URL/
    );
    expect(say(repository, put, { kind: 'retry-after', status: 429, waitMs: 90_000, maxWaitMs: 60_000 })).toMatch(
      /asked to wait 90 s, longer than the 60 s/
    );
  });

  it("a rate limit that persists is worded as GitHub's rate limit", () => {
    expect(say(repository, put, status(429, 'slow down', { retries: 3, rateLimited: true }))).toMatch(
      /^GitHub is limiting the rate of requests \(HTTP 429: slow down\) after 3 retries, so the key was not stored as repository secret K in acme\/shop\./
    );
  });
});

describe('anything else', () => {
  it('our errors as written, others with their kind', () => {
    expect(describeError(new ActionError('as written'))).toBe('as written');
    expect(describeError(new RangeError('deep'))).toBe('Unexpected RangeError: deep');
    expect(describeError('text')).toBe('Unexpected error: text');
  });
});
