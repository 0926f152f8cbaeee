/**
 * The post step: disables the key an `ephemeral: true` step created. It never fails
 * the job; a key it could not disable becomes a warning naming the key.
 */
import type { Deps } from './deps.js';
import { describeError } from './errors.js';
import { connect, EPHEMERAL_KEY_STATE } from './main.js';
import { secrecy } from './redact.js';
import { parseSettings } from './settings.js';

export async function post(deps: Deps): Promise<void> {
  const { core } = deps;
  const keyId = core.getState(EPHEMERAL_KEY_STATE);
  if (keyId === '') return;
  const { mask, say } = secrecy((secret) => {
    core.setSecret(secret);
  });
  let workspace = '';
  try {
    const settings = parseSettings((name) => core.getInput(name), deps.env, mask);
    workspace = settings.connection.workspace;
    const outcome = await connect(settings, deps, mask, say).disableKey(keyId);
    core.info(
      outcome === 'disabled'
        ? `Disabled ephemeral key ${keyId} in workspace '${workspace}'.`
        : `Ephemeral key ${keyId} was already gone from workspace '${workspace}'.`
    );
  } catch (error) {
    core.warning(
      say(
        `Could not disable ephemeral key ${keyId}${workspace ? ` in workspace '${workspace}'` : ''}: ${describeError(error)} Disable it by hand: command 'delete' with key-id ${keyId}.`
      ),
      { title: 'Ephemeral SuprSend key left active' }
    );
  }
}
