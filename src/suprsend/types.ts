/** SuprSend's workspace API keys as the management API describes them (shared/api/), and what the client needs. */

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
