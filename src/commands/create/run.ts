import { ActionError } from '../../errors.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import { activeKeysNamed } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { Stored } from '../key-handover.js';
import type { CreateSettings } from './settings.js';

export interface CreateResult {
  workspace: string;
  /** False when `if-exists: skip` reused an existing key, or in a dry run. */
  created: boolean;
  /** The key created or reused; undefined in a dry run that would create one. */
  key: ApiKey | undefined;
  /** The full secret; only when a key was created. */
  secret: string | undefined;
  /** Where the key was stored as a GitHub Actions secret, when it was. */
  stored?: Stored;
  /** The hub that accepted the new key ('verify-key'), when it was checked. */
  checkedAt?: string;
}

/**
 * Creates a key: one POST. With `if-exists: skip` or `fail`, one listing first to
 * look for active keys of the same name. `beforeMinting` runs just before the POST,
 * once it is sure a key will be made: everything that can refuse is asked there.
 */
export async function createKey(
  client: SuprSendClient,
  settings: CreateSettings,
  origin: string | undefined,
  beforeMinting: () => Promise<void>
): Promise<CreateResult> {
  const { workspace } = client;
  if (settings.ifExists !== 'create') {
    const existing = activeKeysNamed(await client.listKeys(), settings.name);
    const newest = existing[0];
    if (newest !== undefined && settings.ifExists === 'skip') {
      return { workspace, created: false, key: newest, secret: undefined };
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
  if (settings.dryRun) return { workspace, created: false, key: undefined, secret: undefined };
  await beforeMinting();
  const { key, secret } = await client.createKey(settings.name, settings.description ?? origin);
  return { workspace, created: true, key, secret };
}
