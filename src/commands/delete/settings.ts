import { InputError } from '../../errors.js';
import { integer, type InputReader } from '../../inputs/read.js';
import { keyIdList, keyName } from '../../inputs/rules.js';

export const DELETE_INPUTS = ['key-id', 'name', 'keep'] as const;

export interface DeleteSettings {
  command: 'delete';
  keyIds: string[];
  name: string | undefined;
  keep: number;
}

export function parseDelete({ read, isSet }: InputReader): DeleteSettings {
  const keyIds = keyIdList(read('key-id'));
  const name = keyName(read);
  if (keyIds.length > 0 && name !== undefined) {
    throw new InputError(
      'key-id',
      "and 'name' are both set for command 'delete': pick one, the ids of the keys to disable or the name whose keys to disable."
    );
  }
  if (keyIds.length === 0 && name === undefined) {
    throw new InputError(
      'key-id',
      "or 'name' is required for command 'delete': give the ids of the keys to disable (ws_apik_…), or the name whose active keys to disable."
    );
  }
  const keep = integer(read, 'keep', { max: 1_000_000 });
  if (keyIds.length > 0 && isSet('keep')) {
    throw new InputError('keep', "only applies to command 'delete' by 'name'; remove it, or disable by 'name' instead of 'key-id'.");
  }
  return { command: 'delete', keyIds, name, keep };
}
