/** Pure facts about keys: which are active, which share a name, which is newest, how old each is. */
import { parseRfc3339 } from '../dates.js';
import type { ApiKey } from './types.js';

export const DAY_MS = 24 * 60 * 60 * 1000;

export function isActive(key: ApiKey): boolean {
  return key.is_deleted !== true;
}

/** Milliseconds since the epoch of `created_at`, or undefined when it is missing or not an RFC 3339 date-time. */
export function createdAtMs(key: ApiKey): number | undefined {
  return typeof key.created_at === 'string' ? parseRfc3339(key.created_at) : undefined;
}

/** Whether the key is older than `days` (fractions allowed): exactly `days` old counts as older. */
export function isOlderThan(key: ApiKey, days: number, now: Date): boolean {
  const created = createdAtMs(key);
  return created !== undefined && now.getTime() - created >= days * DAY_MS;
}

/** Whole days since creation, or undefined when `created_at` cannot be read. */
export function ageDays(key: ApiKey, now: Date): number | undefined {
  const created = createdAtMs(key);
  return created === undefined ? undefined : Math.floor((now.getTime() - created) / DAY_MS);
}

/** Newest first by `created_at`; keys without a readable date go last, in their listed order. */
export function newestFirst(keys: ApiKey[]): ApiKey[] {
  return keys
    .map((key, index) => ({ key, index, at: createdAtMs(key) }))
    .sort((a, b) => {
      if (a.at === undefined || b.at === undefined) {
        return a.at === b.at ? a.index - b.index : a.at === undefined ? 1 : -1;
      }
      return b.at - a.at || a.index - b.index;
    })
    .map((entry) => entry.key);
}

/** The active keys with exactly this name, newest first. */
export function activeKeysNamed(keys: ApiKey[], name: string): ApiKey[] {
  return newestFirst(keys.filter((key) => isActive(key) && key.name === name));
}

/** The names of these keys that equal `name` only when case is ignored (names are compared exactly): a likely typo. */
export function namesDifferingInCase(keys: Iterable<ApiKey>, name: string): string[] {
  const found = new Set<string>();
  for (const key of keys) {
    if (typeof key.name === 'string' && key.name !== name && key.name.toLowerCase() === name.toLowerCase()) found.add(key.name);
  }
  return [...found];
}
