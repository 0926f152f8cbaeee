import type { SuprSendClient } from '../../suprsend/client.js';
import { ageDays, isActive, isOlderThan } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { ListSettings } from './settings.js';

export interface StaleKey {
  key: ApiKey;
  ageDays: number;
}

export interface ListResult {
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

/** Lists the workspace's keys, filtered, and finds the stale ones. */
export async function listKeys(client: SuprSendClient, settings: ListSettings, now: Date): Promise<ListResult> {
  return summarizeKeys(await client.listKeys(), settings, { workspace: client.workspace, now });
}

/** What to do about stale keys: one sentence for one workspace and for the account. */
export const ROTATE_ADVICE = "Rotate them: command 'rotate' with each name, or create, deploy, then 'delete' with 'keep: 1'.";

/** The pure part of `list`: filters, staleness, and whether the step fails. */
export function summarizeKeys(all: ApiKey[], settings: ListSettings, context: { workspace: string; now: Date }): ListResult {
  const { now, workspace } = context;
  const named = settings.name === undefined ? all : all.filter((key) => key.name === settings.name);
  const keys = settings.includeDeleted ? named : named.filter(isActive);
  const stale: StaleKey[] = [];
  const undated: ApiKey[] = [];
  for (const key of keys) {
    const age = ageDays(key, now);
    if (age === undefined) undated.push(key);
    else if (settings.maxAgeDays !== undefined && isActive(key) && isOlderThan(key, settings.maxAgeDays, now))
      stale.push({ key, ageDays: age });
  }
  stale.sort((a, b) => b.ageDays - a.ageDays);
  const failure =
    settings.failOnStale && stale.length > 0
      ? `${stale.length} of ${keys.length} keys in workspace '${workspace}' ${stale.length === 1 ? 'is' : 'are'} older than ${settings.maxAgeDays} days ` +
        `(${stale.map((s) => s.key.id).join(', ')}). ${ROTATE_ADVICE}`
      : undefined;
  return {
    workspace,
    keys,
    hiddenDisabled: named.length - keys.length,
    maxAgeDays: settings.maxAgeDays,
    stale,
    undated,
    now,
    failure
  };
}
