/**
 * The post step: disables the key an `ephemeral: true` step created. It never fails
 * the job; a key it could not disable becomes a warning naming the key.
 */
import type { Deps } from './deps.js';
import { describeError } from './errors.js';
import { showId } from './ids.js';
import { createLog } from './log.js';
import { openSession } from './session.js';
import { EPHEMERAL_KEY_STATE } from './step.js';

export async function post(deps: Deps): Promise<void> {
  const keyId = deps.core.getState(EPHEMERAL_KEY_STATE);
  if (keyId === '') return;
  const log = createLog(deps.core);
  const id = showId(keyId);
  let where = '';
  try {
    const { settings, client } = openSession(deps, log);
    where = ` in workspace '${settings.connection.workspace}'`;
    const outcome = await client.disableKey(keyId);
    log.info(outcome === 'disabled' ? `Disabled ephemeral key ${id}${where}.` : `Ephemeral key ${id} was already gone${where}.`);
  } catch (error) {
    log.warning(
      `Could not disable ephemeral key ${id}${where}: ${describeError(error)} Disable it by hand: command 'delete' with key-id ${id}.`,
      'Ephemeral SuprSend key left active'
    );
  }
}
