/**
 * What went wrong talking to SuprSend, as facts: which request, what came back, how
 * many retries. The client throws these; `src/report/explain.ts` words them for the
 * user, in terms of the action's inputs, which the client knows nothing about.
 */
import type { Method, TransportFailure } from '../net/http.js';

export interface FailedRequest {
  method: Method;
  /** What the request was for, e.g. "list the keys of workspace 'staging'". */
  what: string;
  /** The workspace the request was about; none for the account's workspace listing. */
  workspace?: string;
  baseUrl: URL;
  timeoutMs: number;
  /** For a create: the name of the key that may now exist. */
  keyName?: string;
  /** For a create of another kind of key than an API key: how to name it, find it and remove it. */
  made?: MadeWords;
}

/** The words for a key a create (or a roll) may have made: an API key's are the default. */
export interface MadeWords {
  /** "A signing key": what may now exist. */
  thing: string;
  /** The answer's field that holds the secret ("private_key_pem"). */
  secretField: string;
  /** How to find it ("look for it with command 'list' and 'key-type: signing-key'"). */
  lookFor: string;
  /** How to remove it ("delete it with command 'delete', 'key-type: signing-key' and its uid"). */
  remove: string;
}

/** A body described without quoting what may hold a secret. */
export interface BodyFacts {
  contentType: string | undefined;
  bytes: number;
  /** The start of a page's text (an HTML title), when it is safe to show. */
  snippet?: string;
}

export type AnswerProblem =
  'not-json' | 'no-results' | 'entry-without-id' | 'create-not-json' | 'create-without-secret' | 'create-without-id' | 'create-with-bad-id';

export type FailureFacts =
  | { kind: 'status'; status: number; apiMessage: string; location?: string; retries: number }
  | { kind: 'retry-after'; status: number; waitMs: number; maxWaitMs: number }
  | { kind: 'transport'; failure: TransportFailure; message: string; retries: number; mayHaveReachedServer: boolean }
  | { kind: 'answer'; problem: AnswerProblem; status: number; body?: BodyFacts; offset?: number; keyId?: string }
  | { kind: 'paging'; message: string };

export class SuprSendFailure extends Error {
  override name = 'SuprSendFailure';
  constructor(
    readonly request: FailedRequest,
    readonly facts: FailureFacts
  ) {
    super(`SuprSend request failed (${facts.kind}) to ${request.what}`);
  }

  /** Whether a create may have made a key (the request may have reached SuprSend and its answer was lost). */
  get mayHaveCreated(): boolean {
    const { facts } = this;
    if (this.request.method !== 'POST') return false;
    if (facts.kind === 'transport') return facts.mayHaveReachedServer;
    return facts.kind === 'status' && facts.status >= 500;
  }
}
