/**
 * The post step: disables the key an `ephemeral: true` step created. It never fails
 * the job; a key it could not disable becomes a warning naming the key.
 */
import { EPHEMERAL_KEY_STATE } from '../commands/create/ephemeral-state.js';
import { describeError } from '../report/explain.js';
import { createLog } from '../report/log.js';
import { showId } from '../suprsend/ids.js';
import type { Deps } from './deps.js';
import { openSession } from './session.js';

export async function post(deps: Deps): Promise<void> {
  const keyId = deps.core.getState(EPHEMERAL_KEY_STATE);
  if (keyId === '') return;
  const log = createLog(deps.core);
  const id = showId(keyId);
  let where = '';
  try {
    const session = openSession(deps, log);
    const client = session.client();
    where = ` in workspace '${client.workspace}'`;
    const outcome = await client.disableKey(keyId);
    log.info(outcome === 'disabled' ? `Disabled ephemeral key ${id}${where}.` : `Ephemeral key ${id} was already gone${where}.`);
  } catch (error) {
    log.warning(
      `Could not disable ephemeral key ${id}${where}: ${describeError(error)} Disable it by hand: command 'delete' with key-id ${id}.`,
      'Ephemeral SuprSend key left active'
    );
  }
}
