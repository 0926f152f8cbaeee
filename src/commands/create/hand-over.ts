/** Passing a new key on: the GitHub secret (prepared before the key was made), and the post step's state when ephemeral. */
import type { PreparedSecret } from '../../github/secrets-api.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { CommandContext } from '../command.js';
import { storeNewKey } from '../key-handover.js';
import { EPHEMERAL_KEY_STATE } from './ephemeral-state.js';
import type { CreateResult } from './run.js';
import type { CreateSettings } from './settings.js';

/** Stores the secret where asked (noting where in `result`) and returns where it holds the key; saves the key for the post step when ephemeral. */
export async function passOnNewKey(
  key: ApiKey,
  result: CreateResult,
  secret: string,
  prepared: PreparedSecret | undefined,
  settings: CreateSettings,
  context: CommandContext
): Promise<string | undefined> {
  if (prepared !== undefined) result.stored = await storeNewKey(prepared, secret);
  if (settings.ephemeral) context.saveState(EPHEMERAL_KEY_STATE, key.id);
  return result.stored?.where;
}
