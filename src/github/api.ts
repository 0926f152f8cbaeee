/**
 * GitHub's REST API through `@actions/github`'s Octokit, whose every request goes through the
 * action's guarded fetch (src/github/fetch.ts), so no undici, no default of Octokit's, decides a
 * deadline, a redirect or a retry. Loaded with a dynamic import, only when a step talks to GitHub:
 * Octokit costs start-up time that other runs should not pay. Failures come out as `GitHubFailure`s.
 */
import { GitHubFailure, type GitHubRequest } from './failure.js';
import { GitHubHttpError, guardedFetch, limitsRate, RETRIES_HEADER, type GitHubHttpDeps } from './fetch.js';
import type { GitHubTarget } from './target.js';

export interface GitHubAnswer<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string | undefined>;
}

export interface GitHubApi {
  /** One request, e.g. `call({ method: 'GET', what }, 'GET /repos/{owner}/{repo}', { owner, repo })`. */
  call: <T = unknown>(request: GitHubRequest, route: string, params?: Record<string, unknown>) => Promise<GitHubAnswer<T>>;
}

export interface GitHubDeps extends GitHubHttpDeps {
  userAgent: string;
}

export async function openGitHub(target: GitHubTarget, deps: GitHubDeps): Promise<GitHubApi> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(target.githubToken, {
    baseUrl: target.apiUrl,
    userAgent: deps.userAgent,
    // The whole `request` option is ours: Octokit's defaults (undici's fetch and agent) are never used.
    request: { fetch: guardedFetch(deps) },
    log: { debug: deps.debug, info: deps.debug, warn: deps.debug, error: deps.debug }
  });
  return {
    call: async <T>(request: GitHubRequest, route: string, params: Record<string, unknown> = {}): Promise<GitHubAnswer<T>> => {
      try {
        const answer = await octokit.request(route, params);
        return { status: answer.status, data: answer.data as T, headers: answer.headers as Record<string, string | undefined> };
      } catch (error) {
        throw asFailure(target, request, error);
      }
    }
  };
}

/** Octokit's RequestError (or our fetch's own error, which it wraps as `cause`) as facts. */
function asFailure(target: GitHubTarget, request: GitHubRequest, error: unknown): unknown {
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof GitHubHttpError) return new GitHubFailure(target, request, cause.facts);
  if (error instanceof GitHubHttpError) return new GitHubFailure(target, request, error.facts);
  const status = (error as { status?: unknown } | null)?.status;
  const response = (error as { response?: { headers?: Record<string, string | undefined>; data?: unknown } } | null)?.response;
  if (typeof status !== 'number' || response === undefined) return error;
  const headers = response.headers ?? {};
  const message = apiMessage(response.data);
  const retries = Number(headers[RETRIES_HEADER] ?? 0);
  const rateLimited = limitsRate({ status, headers, body: message });
  return new GitHubFailure(target, request, { kind: 'status', status, message, retries, rateLimited });
}

/** GitHub's `message`, or the start of a body that is not its JSON. */
function apiMessage(data: unknown): string {
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') {
    return (data as { message: string }).message;
  }
  return typeof data === 'string' ? data.slice(0, 200) : '';
}
