/** Which keys a delete disables, keeps or leaves alone, and why. Pure: the listing and the clock come in. */
import { ActionError } from '../../errors.js';
import { showText } from '../../report/redact.js';
import { ageDays, isActive, isOlderThan, newestFirst } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { Kept } from '../disable.js';
import type { Selection } from './settings.js';

export interface Plan {
  disable: ApiKey[];
  alreadyDisabled: ApiKey[];
  kept: Kept[];
  /** Active keys an age filter selected by name but could not judge: no readable created_at. Never disabled by age. */
  undated: ApiKey[];
}

export function plan(all: ApiKey[], selection: Selection, workspace: string, now: Date): Plan {
  if (selection.by === 'id') return planById(all, selection.keyIds, workspace);
  const { name, olderThanDays, keep, keepSet } = selection;
  const keptWhy = (group: string): string =>
    keepSet
      ? keep === 1
        ? `the newest named ${showText(group)} (keep: 1)`
        : `one of the newest ${keep} named ${showText(group)} (keep: ${keep})`
      : `the newest named ${showText(group)}: cleanup by age never disables a name's last key unless 'keep: 0' is set`;
  return planByFilter(all, { name, olderThanDays, keep, keptWhy }, now);
}

/** What a filter selects: active keys of `name` (or all), older than the age (or any), beyond the newest `keep` of each name. */
export interface Filter {
  name: string | undefined;
  olderThanDays: number | undefined;
  keep: number;
  /** Why one of the newest `keep` keys of a name was left alone, in words. */
  keptWhy: (name: string) => string;
}

/** Every id must exist: an unknown one fails before anything is disabled. */
export function planById(all: ApiKey[], ids: string[], workspace: string): Plan {
  const byId = new Map(all.map((key) => [key.id, key]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ActionError(
      `No key with ${unknown.length === 1 ? 'id' : 'ids'} ${unknown.join(', ')} in workspace '${workspace}', so nothing was disabled. ` +
        `Check 'key-id' (and 'workspace'); command 'list' shows the keys that exist.`
    );
  }
  const keys = ids.flatMap((id) => byId.get(id) ?? []);
  return { disable: keys.filter(isActive), alreadyDisabled: keys.filter((k) => !isActive(k)), kept: [], undated: [] };
}

/**
 * The active keys the filter selects (`name`, and/or `older-than-days`), name by name:
 * the newest `keep` of each name stay whatever their age; of the rest, those older than
 * the age are disabled (all of them when no age is given), younger ones stay, and those
 * of unknown age are reported, never disabled by age.
 */
export function planByFilter(all: ApiKey[], filter: Filter, now: Date): Plan {
  const { name, olderThanDays, keep, keptWhy } = filter;
  const byName = new Map<string, ApiKey[]>();
  for (const key of all) {
    if (!isActive(key) || (name !== undefined && key.name !== name)) continue;
    const group = key.name ?? '';
    byName.set(group, [...(byName.get(group) ?? []), key]);
  }
  const result: Plan = { disable: [], alreadyDisabled: [], kept: [], undated: [] };
  for (const [group, keys] of byName) {
    const sorted = newestFirst(keys);
    for (const key of sorted.slice(0, keep)) result.kept.push({ key, why: keptWhy(group) });
    for (const key of sorted.slice(keep)) {
      const age = ageDays(key, now);
      if (olderThanDays === undefined || isOlderThan(key, olderThanDays, now)) result.disable.push(key);
      else if (age === undefined) result.undated.push(key);
      else result.kept.push({ key, why: `${age} ${age === 1 ? 'day' : 'days'} old, not older than ${olderThanDays} days` });
    }
  }
  return result;
}
