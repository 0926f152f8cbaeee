import { ActionError } from '../errors.js';
import { activeKeysNamed } from '../keys.js';
import type { CreateSettings } from '../settings.js';
import type { SuprSendClient } from '../suprsend.js';
import type { CreateResult } from './result.js';

/**
 * Creates a key: one POST. With `if-exists: skip` or `fail`, one listing first to
 * look for active keys of the same name.
 */
export async function createKey(
  client: SuprSendClient,
  settings: CreateSettings,
  context: { workspace: string; origin: string | undefined }
): Promise<CreateResult> {
  const { workspace } = context;
  if (settings.ifExists !== 'create') {
    const existing = activeKeysNamed(await client.listKeys(), settings.name);
    const newest = existing[0];
    if (newest !== undefined && settings.ifExists === 'skip') {
      return { command: 'create', workspace, created: false, key: newest, secret: undefined };
    }
    if (newest !== undefined) {
      const ids = existing.map((key) => key.id).join(', ');
      throw new ActionError(
        `${existing.length} active ${existing.length === 1 ? 'key' : 'keys'} named ${JSON.stringify(settings.name)} already ${existing.length === 1 ? 'exists' : 'exist'} ` +
          `in workspace '${workspace}' (${ids}) and 'if-exists' is 'fail'. Disable ${existing.length === 1 ? 'it' : 'them'} with command 'delete', ` +
          `or set 'if-exists' to 'skip' (reuse the newest) or 'create' (add another).`
      );
    }
  }
  const { key, secret } = await client.createKey(settings.name, settings.description ?? context.origin);
  return { command: 'create', workspace, created: true, key, secret };
}
