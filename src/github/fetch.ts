/**
 * The `fetch` Octokit is handed: every GitHub request goes through the action's own guarded
 * sending (src/net/send.ts): the 'timeout-seconds' deadline on the whole answer, the size cap,
 * the runner's proxy settings, the 'retries' budget for what is safe to repeat, GitHub's rate
 * limits obeyed. Redirects: a GET may follow one to the same origin (a renamed repository
 * answers 301), at most MAX_REDIRECTS in a row, and later requests go where it led; any other
 * (another origin, or a write, whose sealed secret must never be replayed elsewhere) is refused.
 * What it cannot hand back as an answer it throws as a `GitHubHttpError`, which Octokit wraps
 * (as `cause`) and `src/github/api.ts` unwraps.
 */
import type { HttpResponse, Method } from '../net/http.js';
import { parseRetryAfter } from '../net/retry.js';
import { send, SendFailure, type SendDeps } from '../net/send.js';
import type { GitHubFacts } from './failure.js';

export const MAX_REDIRECTS = 3;
/** Set on the answers handed to Octokit (never sent anywhere): how many times the request was sent again. */
export const RETRIES_HEADER = 'x-suprsend-action-retries';

export interface GitHubHttpDeps extends SendDeps {
  timeoutMs: number;
  retries: number;
}

/** No answer to hand back; the facts say why. */
export class GitHubHttpError extends Error {
  override name = 'GitHubHttpError';
  constructor(readonly facts: Exclude<GitHubFacts, { kind: 'status' } | { kind: 'answer' }>) {
    super(facts.kind === 'transport' ? facts.message : `GitHub request not completed (${facts.kind})`);
  }
}

/** GitHub limits the rate with 429, and with a 403 that says so (a Retry-After, no requests left, or its message). */
export function limitsRate(response: HttpResponse): boolean {
  if (response.status === 429) return true;
  return (
    response.status === 403 &&
    (response.headers['retry-after'] !== undefined ||
      response.headers['x-ratelimit-remaining'] === '0' ||
      /rate limit/i.test(response.body))
  );
}

/** Retry-After, else the rate limit's reset time when no requests are left; measured from when the answer arrived. */
function askedWait(response: HttpResponse, arrived: Date): number | undefined {
  const retryAfter = parseRetryAfter(response.headers['retry-after'], arrived);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (response.headers['x-ratelimit-remaining'] !== '0' || !Number.isFinite(reset)) return undefined;
  return Math.max(0, reset * 1000 - arrived.getTime());
}

export function guardedFetch(deps: GitHubHttpDeps): typeof fetch {
  /** Path prefixes a same-origin redirect moved: later requests below the old one go below the new one. */
  const moved: [from: string, to: string][] = [];
  const rewrite = (url: URL): URL => {
    for (const [from, to] of moved) {
      if (url.pathname === from || url.pathname.startsWith(`${from}/`)) {
        const next = new URL(url.href);
        next.pathname = to + url.pathname.slice(from.length);
        return next;
      }
    }
    return url;
  };

  const guarded = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase() as Method;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? init.body : undefined;
    let url = rewrite(new URL(input instanceof Request ? input.url : input.toString()));
    for (let hops = 0; ; hops++) {
      let sent;
      try {
        sent = await send(
          { method, url, headers, body, timeoutMs: deps.timeoutMs },
          { retries: deps.retries, limitsRate, askedWait },
          deps
        );
      } catch (error) {
        if (!(error instanceof SendFailure)) throw error;
        const { facts } = error;
        if (facts.kind === 'retry-after') {
          throw new GitHubHttpError({
            kind: 'retry-after',
            status: facts.response.status,
            waitMs: facts.waitMs,
            maxWaitMs: facts.maxWaitMs
          });
        }
        const { failure, message, mayHaveReachedServer } = facts.error;
        throw new GitHubHttpError({ kind: 'transport', failure, message, retries: facts.retries, mayHaveReachedServer });
      }
      const { response, retries } = sent;
      if (response.status < 300 || response.status >= 400 || response.status === 304) return toResponse(response, retries);
      const location = header(response, 'location');
      const next = location === undefined ? undefined : new URL(location, url);
      const why =
        method !== 'GET' ? 'write' : next?.origin !== url.origin ? 'cross-origin' : hops >= MAX_REDIRECTS ? 'too-many' : undefined;
      if (why !== undefined || next === undefined) {
        throw new GitHubHttpError({ kind: 'redirect', status: response.status, location, why: why ?? 'cross-origin' });
      }
      remember(moved, url.pathname, next.pathname);
      deps.debug(`${method} ${url.pathname} moved to ${next.pathname} (HTTP ${response.status}); later requests go there`);
      url = next;
    }
  };
  return guarded;
}

/** The prefixes that differ once the longest shared tail of the two paths is set aside. */
function remember(moved: [string, string][], from: string, to: string): void {
  const a = from.split('/');
  const b = to.split('/');
  while (a.length > 1 && b.length > 1 && a[a.length - 1] === b[b.length - 1]) {
    a.pop();
    b.pop();
  }
  const prefix = a.join('/');
  if (prefix !== '' && !moved.some(([f]) => f === prefix)) moved.unshift([prefix, b.join('/')]);
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function toResponse(response: HttpResponse, retries: number): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  headers.set(RETRIES_HEADER, String(retries));
  const empty = response.status === 204 || response.status === 205 || response.status === 304;
  return new Response(empty ? null : response.body, { status: response.status, headers });
}
