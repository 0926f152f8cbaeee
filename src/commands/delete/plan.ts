/** What a delete selects: by id, or by a filter (name, age, keep, grace), with why each key kept was kept. */
import { quoted } from '../../text.js';
import type { ApiKey } from '../../suprsend/types.js';
import { planByFilter, planById, type Plan } from '../select.js';
import type { Selection } from './settings.js';

export function plan(all: ApiKey[], selection: Selection, workspace: string, now: Date): Plan {
  if (selection.by === 'id') return planById(all, selection.keyIds, workspace);
  const { name, olderThanDays, keep, keepSet, graceMs } = selection;
  const keptWhy = (group: string): string =>
    keepSet
      ? keep === 1
        ? `the newest named ${quoted(group)} (keep: 1)`
        : `one of the newest ${keep} named ${quoted(group)} (keep: ${keep})`
      : `the newest named ${quoted(group)}: cleanup by age never disables a name's last key unless 'keep: 0' is set`;
  return planByFilter(all, { name, olderThanDays, keep, keptWhy, graceMs }, now);
}
