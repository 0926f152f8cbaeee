/** Which keys a delete or a rotation disables, keeps or leaves alone, and why. Pure: the listing and the clock come in. Shared by both commands. */
import { ActionError } from '../errors.js';
import { quoted } from '../text.js';
import { showDuration } from '../inputs/rules.js';
import { ageDays, createdAtMs, isActive, isOlderThan, newestFirst } from '../suprsend/keys.js';
import type { ApiKey } from '../suprsend/types.js';
import type { Kept } from './disable.js';

export interface Plan {
  disable: ApiKey[];
  alreadyDisabled: ApiKey[];
  kept: Kept[];
  /** Active keys an age filter selected by name but could not judge: no readable created_at. Never disabled by age. */
  undated: ApiKey[];
}

/** What a filter selects: active keys of `name` (or all), older than the age (or any), beyond the newest `keep` of each name. */
export interface Filter {
  name: string | undefined;
  olderThanDays: number | undefined;
  keep: number;
  /** Why one of the newest `keep` keys of a name was left alone, in words. */
  keptWhy: (name: string) => string;
  /** A key is disabled only once a newer key of its name is this old (ms; 0: none). */
  graceMs: number;
  /** When the newest key of the name was (or will be) made, if it is not in the listing: a rotation's new key. */
  newestAt?: number;
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
  const inGrace = graceRule(filter, now);
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
    sorted.slice(keep).forEach((key, i) => {
      const age = ageDays(key, now);
      if (olderThanDays !== undefined && !isOlderThan(key, olderThanDays, now)) {
        if (age === undefined) result.undated.push(key);
        else result.kept.push({ key, why: `${age} ${age === 1 ? 'day' : 'days'} old, not older than ${olderThanDays} days` });
        return;
      }
      const grace = inGrace(sorted[keep + i - 1], group);
      if (grace === undefined) result.disable.push(key);
      else result.kept.push({ key, why: grace });
    });
  }
  return result;
}

/**
 * The grace period: a key beyond `keep` is disabled only once the next newer key of its name (the
 * listing's, or a rotation's new key) was created at least `graceMs` ago, so what still reads the
 * previous secret (a queued job, a long one) keeps working. Returns why a key is kept, or undefined.
 */
function graceRule(filter: Filter, now: Date): (newer: ApiKey | undefined, group: string) => string | undefined {
  const { graceMs, newestAt } = filter;
  return (newer, group) => {
    if (graceMs === 0) return undefined;
    const newerAt = newer === undefined ? newestAt : createdAtMs(newer);
    const period = `grace-period: ${showDuration(graceMs)}`;
    if (newerAt === undefined) {
      return newer === undefined
        ? `the newest named ${quoted(group)}: a delete with a grace period never disables a name's newest key (${period})`
        : `in its grace period: the next newer key of its name has no readable created_at (${period})`;
    }
    const due = newerAt + graceMs;
    if (due <= now.getTime()) return undefined;
    return `in its grace period until ${new Date(due).toISOString().slice(0, 16).replace('T', ' ')} UTC (${period} after a newer key of its name)`;
  };
}
