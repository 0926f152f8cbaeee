/** Passing a new key on: the GitHub secret (shared with rotate), and the post step's state when ephemeral. */
import type { CommandContext } from '../command.js';
import { storeNewKey } from '../key-handover.js';
import { EPHEMERAL_KEY_STATE } from './ephemeral-state.js';
import type { CreateResult } from './run.js';
import type { CreateSettings } from './settings.js';

/** Stores the secret where asked (noting where in `result`), and saves the key for the post step when ephemeral. */
export async function handOverNewKey(
  result: CreateResult,
  secret: string,
  settings: CreateSettings,
  context: CommandContext
): Promise<void> {
  if (settings.secret !== undefined) result.stored = await storeNewKey(secret, settings.secret, context);
  if (settings.ephemeral) context.saveState(EPHEMERAL_KEY_STATE, result.key.id);
}
