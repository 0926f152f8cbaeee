import type { ApiKey } from '../suprsend.js';

/** What a command did, for outputs and the summary. `failure` fails the step after both are written. */
export type CommandResult = CreateResult | ListResult | DeleteResult;

export interface CreateResult {
  command: 'create';
  workspace: string;
  /** False when `if-exists: skip` reused an existing key. */
  created: boolean;
  key: ApiKey;
  /** The full secret; only when a key was created. */
  secret: string | undefined;
  /** Where the key was stored as a GitHub Actions secret, in words, when it was. */
  storedAs?: string;
  failure?: undefined;
}

export interface StaleKey {
  key: ApiKey;
  ageDays: number;
}

export interface ListResult {
  command: 'list';
  workspace: string;
  keys: ApiKey[];
  /** Keys left out because they are disabled (without `include-deleted`). */
  hiddenDisabled: number;
  maxAgeDays: number | undefined;
  stale: StaleKey[];
  /** Keys whose `created_at` is missing or unreadable, so their age is unknown. */
  undated: ApiKey[];
  now: Date;
  failure?: string;
}

export interface DeleteResult {
  command: 'delete';
  workspace: string;
  /** Keys this step disabled. */
  disabled: ApiKey[];
  /** Keys asked for that were already disabled. */
  alreadyDisabled: ApiKey[];
  /** Active keys kept by `keep`. */
  kept: ApiKey[];
  failure?: string;
}
