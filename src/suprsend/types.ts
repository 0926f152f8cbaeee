/** SuprSend's workspace API keys as the management API describes them (api/, vendored from SuprSend's pages), and what the client needs. */
import type { Transport } from '../net/http.js';

export const DEFAULT_BASE_URL = 'https://management-api.suprsend.com';

export interface Actor {
  name?: string;
  email?: string;
}

/** A key as the API describes it; only `id` is relied on, the rest is read leniently. */
export interface ApiKey {
  id: string;
  name?: string;
  masked_api_key?: string;
  is_deleted?: boolean;
  created_at?: string | null;
  created_by?: Actor | null;
  [field: string]: unknown;
}

export interface CreatedKey {
  key: ApiKey;
  /** The full secret. Already passed to `onSecret` when this is returned. */
  secret: string;
}

export type DisableResult = 'disabled' | 'not-found';

/** How to reach SuprSend's management API: shared by every command and workspace. */
export interface Connection {
  token: string;
  baseUrl: URL;
  timeoutMs: number;
  retries: number;
}

/** What a client (and its requester) needs from outside: HTTP, the log, secrets' masking, time. */
export interface ClientDeps {
  transport: Transport;
  debug: (message: string) => void;
  /** Something the user should know that does not stop the command (an entry skipped). */
  warning: (message: string) => void;
  /** Called with a secret the moment it is parsed, before anything else happens. */
  onSecret: (secret: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  random: () => number;
  userAgent: string;
}
