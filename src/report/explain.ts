/**
 * The one place failures become messages a person can act on, in terms of the action's
 * inputs ('service-token', 'base-url', 'timeout-seconds', commands): the SuprSend client
 * and the GitHub secrets and variables APIs report facts; this words them. Pure, so it tests without a server.
 */
import { ActionError } from '../errors.js';
import { GitHubFailure } from '../github/failure.js';
import { describeTarget, isIssueTarget, permissionFor, storeNoun, type IssueTarget, type StoreTarget } from '../github/target.js';
import { TOKEN_ENV } from '../inputs/defaults.js';
import { SuprSendFailure, type AnswerProblem, type BodyFacts, type FailedRequest, type MadeWords } from '../suprsend/failure.js';
import { KeyCheckFailure } from '../suprsend/hub.js';
import { DEFAULT_BASE_URL } from '../suprsend/types.js';
import { explainIssue } from './explain-issue.js';
import { afterRetries, hostOf } from './words.js';

/** The message to show for anything thrown: failures worded, our own errors as written, others with their kind. */
export function describeError(error: unknown): string {
  if (error instanceof SuprSendFailure) return explainSuprSend(error);
  if (error instanceof GitHubFailure) return explainGitHubFailure(error as GitHubFailure);
  if (error instanceof KeyCheckFailure) return explainKeyCheck(error);
  if (error instanceof ActionError) return error.message;
  if (error instanceof Error) return `Unexpected ${error.name}: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

/** A request for a secret or variable, or for the tracking issue: each is worded in its own terms. */
function explainGitHubFailure(failure: GitHubFailure): string {
  return isIssueTarget(failure.target)
    ? explainIssue(failure as GitHubFailure<IssueTarget>)
    : explainGitHub(failure as GitHubFailure<StoreTarget>);
}

function explainSuprSend(failure: SuprSendFailure): string {
  const { request: r, facts: f } = failure;
  const created = failure.mayHaveCreated ? ` ${mayHaveCreated(r)}` : '';
  switch (f.kind) {
    case 'status':
      return explainStatus(r, f.status, f.apiMessage, f.retries, f.location, created);
    case 'retry-after':
      return (
        `SuprSend answered HTTP ${f.status} to ${r.what} and asked to wait ${Math.ceil(f.waitMs / 1000)} s before trying again (Retry-After), ` +
        `longer than the ${f.maxWaitMs / 1000} s this action waits. Run the job again later.`
      );
    case 'transport': {
      const tried = f.retries > 0 ? ` (${afterRetries(f.retries)})` : '';
      if (f.failure === 'timeout') {
        return (
          `SuprSend did not answer in time to ${r.what}: ${f.message}${tried}, the deadline set by 'timeout-seconds' (${r.timeoutMs / 1000}).${created} ` +
          `Raise 'timeout-seconds' if SuprSend is slow, or run again later.`
        );
      }
      if (f.failure === 'too-large') return `SuprSend's answer to ${r.what} is too large: ${f.message}.${created} ${baseUrlHint(r)}`;
      const host = r.baseUrl.host;
      const where = f.failure === 'unreachable' ? `Could not reach SuprSend at ${host}` : `The connection to SuprSend at ${host} failed`;
      return (
        `${where} to ${r.what}: ${f.message}${tried}.${created} ` +
        `Check 'base-url' (${r.baseUrl.href}) and the runner's network; behind a proxy, set HTTPS_PROXY (and NO_PROXY).`
      );
    }
    case 'paging':
      return `Could not ${r.what}: ${f.message}.`;
    case 'answer':
      return explainAnswer(r, f.problem, f.status, f.body, f.offset, f.keyId);
  }
}

function explainStatus(
  r: FailedRequest,
  status: number,
  said: string,
  retries: number,
  location: string | undefined,
  created: string
): string {
  const http = `HTTP ${status}${said ? `: ${said}` : ''}`;
  const tried = retries > 0 ? ` ${afterRetries(retries)}` : '';
  if (status === 401) {
    return (
      `SuprSend rejected the service token (${http}). Check the 'service-token' input (or ${TOKEN_ENV}): it must be a current service token ` +
      `from the SuprSend dashboard, Account Settings → Service Tokens.`
    );
  }
  if (status === 403)
    return `The service token may not ${r.what} (${http}). Use a service token with access to workspace '${r.workspace}'.`;
  if (status === 404) {
    return (
      `Workspace '${r.workspace}' was not found (${http}). Check the 'workspace' input: it takes the workspace's slug, e.g. staging or production.` +
      (r.baseUrl.href.startsWith(DEFAULT_BASE_URL) ? '' : ` ${baseUrlHint(r)}`)
    );
  }
  if (status >= 300 && status < 400) {
    return (
      `SuprSend answered ${r.what} with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}). The action does not follow redirects, ` +
      `so the service token is never sent anywhere else: set 'base-url' to the address that really serves the API.`
    );
  }
  if (status === 429) {
    return `SuprSend is limiting the request rate (${http})${tried}, so the action could not ${r.what}. Run fewer jobs at once against this workspace, or run again later.`;
  }
  if (status >= 500)
    return `SuprSend failed to ${r.what} (${http})${tried}. The fault is on SuprSend's side or a proxy's; run again later.${created}`;
  if (status >= 400) return `SuprSend refused to ${r.what} (${http}).`;
  return `SuprSend gave an unexpected answer when asked to ${r.what} (${http}).`;
}

function explainAnswer(
  r: FailedRequest,
  problem: AnswerProblem,
  status: number,
  body: BodyFacts | undefined,
  offset: number | undefined,
  keyId: string | undefined
): string {
  const { thing, secretField, lookFor, remove } = madeWords(r);
  switch (problem) {
    case 'create-not-json':
      return (
        `SuprSend answered HTTP ${status} to ${r.what}, but not with JSON (${describeBody(body)}), so the new key's secret could not be read. ` +
        `A key may have been created: ${lookFor}, and ${remove}. ${baseUrlHint(r)}`
      );
    case 'create-without-secret':
    case 'create-without-id':
      return (
        `SuprSend answered HTTP ${status} to ${r.what}, but the answer has no ${problem === 'create-without-secret' ? secretField : 'id'}. ` +
        `The key was probably created, and its secret cannot be read again: ${keyId === undefined ? lookFor : `its id is ${keyId}`}; ` +
        `${remove} and run again.`
      );
    case 'create-with-bad-id':
      return (
        `SuprSend answered HTTP ${status} to ${r.what} with a key id that is not one (${JSON.stringify(keyId ?? '')}): ` +
        `letters, digits, '-' and '_' only, so that an id can never steer a request elsewhere. The action will not use it. ` +
        `${thing} was probably created and its secret cannot be read again: ${r.made === undefined ? 'disable' : 'delete'} it in the SuprSend dashboard.`
      );
    case 'not-json':
      return `SuprSend's answer to ${r.what} is not JSON (${describeBody(body)}${body?.snippet ? `: "${body.snippet}"` : ''}). ${baseUrlHint(r)}`;
    case 'no-results':
      return `SuprSend's answer to ${r.what} has no 'results' list (offset ${offset ?? 0}). ${baseUrlHint(r)}`;
    case 'entry-without-id':
      return `SuprSend's answer to ${r.what} has an entry without an id (offset ${offset ?? 0}); the listing cannot be trusted.`;
  }
}

/** A create whose answer was lost may have made a key: say how to find it, and that it was not sent again. */
function mayHaveCreated(r: FailedRequest): string {
  const name = JSON.stringify(r.keyName ?? '');
  if (r.made !== undefined) {
    return (
      `The request may have reached SuprSend, so a new signing key may exist now (it was not sent again, to avoid a second one): ` +
      `${r.made.lookFor}, and ${r.made.remove} if you do not want it.`
    );
  }
  return (
    `The request may have reached SuprSend, so a key named ${name} may exist now (it was not sent again, to avoid a second key): ` +
    `check with command 'list' and name ${name}, and disable any you do not want with command 'delete'.`
  );
}

/** How a failure names the key a create may have made: an API key by its name, another kind by its own words. */
function madeWords(r: FailedRequest): MadeWords {
  const name = JSON.stringify(r.keyName ?? '');
  return (
    r.made ?? {
      thing: `A key named ${name}`,
      secretField: 'api_key',
      lookFor: `look for it with command 'list' and name ${name}`,
      remove: "disable it with command 'delete'"
    }
  );
}

function baseUrlHint(r: FailedRequest): string {
  return `Is 'base-url' (${r.baseUrl.href}) the SuprSend management API? A proxy may be answering instead.`;
}

function describeBody(body: BodyFacts | undefined): string {
  return `content-type ${body?.contentType ?? 'not given'}, ${body?.bytes ?? 0} bytes`;
}

/** GitHub's reason, and what to fix: the permission that is likely missing, the address, the network. */
function explainGitHub(failure: GitHubFailure<StoreTarget>): string {
  const { target, request: r, facts: f } = failure;
  const where = describeTarget(target);
  const api = `GITHUB_API_URL (${target.apiUrl})`;
  const tried = (retries: number): string => (retries > 0 ? ` (${afterRetries(retries)})` : '');
  // What became of the key: said for a write; a read stored nothing, and its caller says what follows.
  const notStored =
    r.method === 'GET'
      ? ''
      : failure.mayHaveApplied
        ? ` GitHub may have stored the key as ${where} all the same.`
        : ` The key was not stored as ${where}${failure.notApplied ? ` (read back: the ${storeNoun(target)} did not change)` : ''}.`;
  switch (f.kind) {
    case 'transport': {
      const host = hostOf(target.apiUrl);
      if (f.failure === 'timeout') {
        return (
          `GitHub did not answer in time to ${r.what}: ${f.message}${tried(f.retries)}, the deadline set by 'timeout-seconds'.${notStored} ` +
          `Raise 'timeout-seconds' if GitHub is slow, or run again later.`
        );
      }
      if (f.failure === 'too-large') return `GitHub's answer to ${r.what} is too large: ${f.message}. Is ${api} GitHub's API?`;
      const lead = f.failure === 'unreachable' ? `Could not reach GitHub at ${host}` : `The connection to GitHub at ${host} failed`;
      return (
        `${lead} to ${r.what}: ${f.message}${tried(f.retries)}.${notStored} ` +
        `Check ${api}, the runner's network and, behind a proxy, HTTPS_PROXY (and NO_PROXY).`
      );
    }
    case 'retry-after':
      return (
        `GitHub answered HTTP ${f.status} to ${r.what} and asked to wait ${Math.ceil(f.waitMs / 1000)} s, longer than the ` +
        `${f.maxWaitMs / 1000} s this action waits, so the key was not stored as ${where}. Run the job again later.`
      );
    case 'redirect': {
      const why =
        f.why === 'write'
          ? 'a write is never sent anywhere else'
          : f.why === 'too-many'
            ? 'too many redirects in a row'
            : 'it leads to another origin';
      return (
        `GitHub answered the request to ${r.what} with a redirect (HTTP ${f.status}${f.location ? ` to ${f.location}` : ''}), which the action does not follow: ${why}. ` +
        `The token and the ${storeNoun(target) === 'variable' ? 'value' : 'secret'} go only to ${api}. The key was not stored as ${where}: set GITHUB_API_URL to the address that serves GitHub's API.`
      );
    }
    case 'answer':
      return `GitHub's answer to ${r.what} cannot be right: ${f.problem}. The key was not stored as ${where}. Is ${api} GitHub's API, and not a proxy answering instead?`;
    case 'status':
      return f.rateLimited
        ? `GitHub is limiting the rate of requests (HTTP ${f.status}: ${f.message})${f.retries > 0 ? ` ${afterRetries(f.retries)}` : ''}, ` +
            `so the key was not stored as ${where}. Run fewer jobs that write ${storeNoun(target)}s at once, or run the job again later.`
        : failure.mayHaveApplied
          ? `GitHub failed to ${r.what}: ${gitHubStatus(failure, f.status, f.message, f.retries)}${notStored}`
          : `GitHub did not store the key as ${where}: ${gitHubStatus(failure, f.status, f.message, f.retries)}${failure.notApplied ? notStored : ''}`;
  }
}

function gitHubStatus(failure: GitHubFailure<StoreTarget>, status: number, message: string, retries: number): string {
  const { target, request: r } = failure;
  const { scope } = target;
  const http = `HTTP ${status} (${message})`;
  const permission = permissionFor(target);
  if (r.repository !== undefined && (status === 403 || status === 404)) {
    return status === 403
      ? `${http}: the token may not read repository ${r.repository}, named in 'secret-repositories' (its id is needed to select it). ` +
          `Give the token read access to it: authorize the token for the organization's SAML SSO, let the runner through its IP allow list, ` +
          `or add the repository to the fine-grained token's or GitHub App's repositories.`
      : `${http}: repository ${r.repository}, named in 'secret-repositories', does not exist or the token cannot see it.`;
  }
  switch (status) {
    case 401:
      return `${http}: 'github-token' is not a valid token.`;
    case 403:
      return `${http}: ${permission}.`;
    case 404:
      return scope.kind === 'organization'
        ? `${http}: organization ${scope.org} does not exist, or the token cannot see it; ${permission}.`
        : scope.kind === 'environment'
          ? `${http}: environment '${scope.environment}' or repository ${scope.owner}/${scope.repo} does not exist, or the token cannot see it; ${permission}.`
          : `${http}: repository ${scope.owner}/${scope.repo} does not exist or the token cannot see it; ${permission}.`;
    default:
      return status >= 500
        ? `${http}${retries > 0 ? ` ${afterRetries(retries)}` : ''}. The fault is on GitHub's side or a proxy's; run again later.`
        : `${http}.`;
  }
}

/** The new key did not pass the hub's check: say which it was, and what to check. */
function explainKeyCheck(failure: KeyCheckFailure): string {
  const { hubUrl, facts: f } = failure;
  const skip = "To store keys without this check, set 'verify-key: false'.";
  switch (f.kind) {
    case 'refused':
      return (
        `SuprSend's hub (${hubUrl.href}) did not accept the new key: HTTP ${f.status} to each of ${f.attempts} checks over ${f.windowMs / 1000} s, ` +
        `so it was not stored and no older key was touched. A key that does not work would break what uses it; check the workspace on SuprSend's status page, and run again.`
      );
    case 'status':
      return f.status === 404
        ? `The key check at ${hubUrl.href} answered HTTP 404: is 'hub-url' SuprSend's hub API (https://hub.suprsend.com, or your own for a self-hosted install)? ${skip}`
        : `SuprSend's hub (${hubUrl.href}) could not check the new key (HTTP ${f.status}, after the retries); the key was not stored. Run again later. ${skip}`;
    case 'transport':
      return (
        `Could not reach SuprSend's hub at ${hubUrl.host} to check the new key: ${f.message}; the key was not stored. ` +
        `Check 'hub-url' (${hubUrl.href}) and the runner's network; behind a proxy, set HTTPS_PROXY (and NO_PROXY). ${skip}`
      );
    case 'retry-after':
      return `SuprSend's hub (${hubUrl.href}) asked to wait ${Math.ceil(f.waitMs / 1000)} s before checking the new key, longer than this action waits; the key was not stored. Run again later.`;
  }
}
