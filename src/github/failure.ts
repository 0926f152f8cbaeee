/** GitHub's answers that stop a secret write or the tracking issue, as facts (worded in `src/report/explain.ts`). */
import type { TransportFailure } from '../net/http.js';
import type { GitHubTarget, StoreTarget } from './target.js';

/** One request to GitHub's API: its method, and what it was for, in words ("read the public key of …"). */
export interface GitHubRequest {
  method: string;
  what: string;
  /** A repository named in 'secret-repositories' that this request looked up. */
  repository?: string;
}

export type GitHubFacts =
  /** GitHub answered with this status (after `retries`); `rateLimited` when the answer limited the rate. */
  | { kind: 'status'; status: number; message: string; retries: number; rateLimited: boolean }
  /** No complete answer: the request may or may not have reached GitHub. */
  | { kind: 'transport'; failure: TransportFailure; message: string; retries: number; mayHaveReachedServer: boolean }
  /** GitHub asked to wait longer than the action waits. */
  | { kind: 'retry-after'; status: number; waitMs: number; maxWaitMs: number }
  /** A redirect the action does not follow: to another origin, for a write, or one too many. */
  | { kind: 'redirect'; status: number; location: string | undefined; why: 'cross-origin' | 'write' | 'too-many' }
  /** An answer that cannot be right (a public key that is not one). */
  | { kind: 'answer'; problem: string };

export class GitHubFailure<T extends GitHubTarget = GitHubTarget> extends Error {
  override name = 'GitHubFailure';
  constructor(
    readonly target: T,
    readonly request: GitHubRequest,
    readonly facts: GitHubFacts,
    /** Set once reading back showed a write whose answer was lost did not land. */
    readonly notApplied = false
  ) {
    super(`GitHub request failed (${facts.kind}) to ${request.what}`);
  }

  /** Whether a write may have been applied although no success came back (no answer, or a 5xx), as far as is known. */
  get mayHaveApplied(): boolean {
    const { facts } = this;
    if (this.request.method === 'GET' || this.notApplied) return false;
    if (facts.kind === 'transport') return facts.mayHaveReachedServer;
    return facts.kind === 'status' && facts.status >= 500;
  }
}

/** Whether GitHub answered this request with `status` (a 404 that says a secret or variable is not there, a 409 that it is). */
export function answeredStatus(error: unknown, status: number): boolean {
  return error instanceof GitHubFailure && error.facts.kind === 'status' && error.facts.status === status;
}

/**
 * A secret or variable write that may or may not have landed: GitHub's answer was lost and reading
 * it back did not settle it. The key it carried may be stored now: never disable it.
 */
export class StoreWriteUnknown extends Error {
  override name = 'StoreWriteUnknown';
  constructor(
    readonly lost: GitHubFailure<StoreTarget>,
    /** Why reading it back did not settle it; undefined when the answer had no `updated_at` (a secret) or `value` (a variable). */
    readonly readBack: unknown
  ) {
    super(`the outcome of the request to ${lost.request.what} is unknown`);
  }
}
