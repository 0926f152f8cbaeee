import { InputError } from '../../errors.js';
import { boolean, decimal, integer, type InputReader } from '../../inputs/read.js';
import { gracePeriod, keyIdList, keyName } from '../../inputs/rules.js';

export const DELETE_INPUTS = ['key-id', 'name', 'older-than-days', 'keep', 'grace-period', 'dry-run'] as const;

/** What to disable: the keys with these ids, or the active keys a filter selects. */
export type Selection =
  | { by: 'id'; keyIds: string[] }
  | {
      by: 'filter';
      name: string | undefined;
      olderThanDays: number | undefined;
      /** The newest active keys of each name left alone. */
      keep: number;
      /** Whether the user wrote 'keep' (the log says why a key was kept either way). */
      keepSet: boolean;
      /** A key is disabled only once a newer key of its name is this old (ms; 0: none). */
      graceMs: number;
    };

export interface DeleteSettings {
  command: 'delete';
  selection: Selection;
  /** Select and report, disable nothing. */
  dryRun: boolean;
}

export function parseDelete({ read, isSet }: InputReader): DeleteSettings {
  const keyIds = keyIdList(read('key-id'));
  const name = keyName(read);
  const olderThanDays =
    read('older-than-days') === '' ? undefined : decimal(read, 'older-than-days', { min: 0, minExclusive: true, max: 36500 });
  const keepSet = isSet('keep');
  // Unset: cleanup by age never cuts a name's newest key (1); 'name' alone disables what it names (0).
  const keep = keepSet ? integer(read, 'keep', { max: 1_000_000 }) : olderThanDays !== undefined ? 1 : 0;
  const dryRun = boolean(read, 'dry-run');
  if (keyIds.length > 0) {
    for (const [input, set] of [
      ['name', name !== undefined],
      ['older-than-days', olderThanDays !== undefined]
    ] as const) {
      if (set) {
        throw new InputError(
          'key-id',
          `and '${input}' are both set for command 'delete': pick one, the ids of the keys to disable, or a filter ('name' and/or 'older-than-days').`
        );
      }
    }
    if (isSet('grace-period')) {
      throw new InputError(
        'grace-period',
        "only applies to command 'delete' by 'name' or 'older-than-days'; 'key-id' disables exactly the keys named."
      );
    }
    if (keepSet) {
      throw new InputError(
        'keep',
        "only applies to command 'delete' by 'name' or 'older-than-days'; remove it, or select by a filter instead of 'key-id'."
      );
    }
    return { command: 'delete', selection: { by: 'id', keyIds }, dryRun };
  }
  if (name === undefined && olderThanDays === undefined) {
    throw new InputError(
      'key-id',
      "(or 'name', or 'older-than-days') is required for command 'delete': give the ids of the keys to disable (ws_apik_…), the name whose active keys to disable, or an age in days beyond which active keys are disabled."
    );
  }
  return { command: 'delete', selection: { by: 'filter', name, olderThanDays, keep, keepSet, graceMs: gracePeriod(read) }, dryRun };
}
