import { ActionError } from '../../errors.js';
import { settleAll } from '../../net/concurrency.js';
import { describeError } from '../../report/explain.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import { activeKeysNamed } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { DeleteSettings } from './settings.js';

export interface DeleteResult {
  workspace: string;
  /** Keys this step disabled. */
  disabled: ApiKey[];
  /** Keys asked for that were already disabled. */
  alreadyDisabled: ApiKey[];
  /** Active keys kept by `keep`. */
  kept: ApiKey[];
  failure?: string;
}

/** Disables at most this many keys at once: deletes are rare and small in number, the API is shared. */
export const DELETE_CONCURRENCY = 4;

/**
 * Disables keys by id or by name: one listing (to check the ids, or find the
 * name's keys), then one DELETE per key that is still active.
 */
export async function deleteKeys(client: SuprSendClient, settings: DeleteSettings): Promise<DeleteResult> {
  const { workspace } = client;
  const all = await client.listKeys();
  const plan = settings.name === undefined ? planById(all, settings.keyIds, workspace) : planByName(all, settings.name, settings.keep);

  const outcomes = await settleAll(plan.disable, DELETE_CONCURRENCY, (key) => client.disableKey(key.id));
  const disabled: ApiKey[] = [];
  const failed: string[] = [];
  for (const { item: key, outcome } of outcomes) {
    if (outcome.status === 'fulfilled') {
      // A 404 here means the key went away since the listing: it is not active, which is what was asked.
      (outcome.value === 'disabled' ? disabled : plan.alreadyDisabled).push(key);
    } else {
      failed.push(`${key.id}: ${describeError(outcome.reason)}`);
    }
  }
  const failure =
    failed.length === 0
      ? undefined
      : `Could not disable ${failed.length} of ${plan.disable.length} keys in workspace '${workspace}'` +
        `${disabled.length > 0 ? ` (disabled: ${disabled.map((k) => k.id).join(', ')})` : ''}. ` +
        `Run the step again to finish; keys already disabled are skipped.\n${failed.join('\n')}`;
  return { workspace, disabled, alreadyDisabled: plan.alreadyDisabled, kept: plan.kept, failure };
}

interface Plan {
  disable: ApiKey[];
  alreadyDisabled: ApiKey[];
  kept: ApiKey[];
}

/** Every id must exist: an unknown one fails before anything is disabled. */
export function planById(all: ApiKey[], ids: string[], workspace: string): Plan {
  const byId = new Map(all.map((key) => [key.id, key]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ActionError(
      `No key with ${unknown.length === 1 ? 'id' : 'ids'} ${unknown.join(', ')} in workspace '${workspace}', so nothing was disabled. ` +
        `Check 'key-id' (and 'workspace'); command 'list' shows the keys that exist.`
    );
  }
  const keys = ids.flatMap((id) => byId.get(id) ?? []);
  return { disable: keys.filter((k) => k.is_deleted !== true), alreadyDisabled: keys.filter((k) => k.is_deleted === true), kept: [] };
}

/** The active keys with the name, newest first: keep the first `keep`, disable the rest. */
export function planByName(all: ApiKey[], name: string, keep: number): Plan {
  const active = activeKeysNamed(all, name);
  return { disable: active.slice(keep), alreadyDisabled: [], kept: active.slice(0, keep) };
}
