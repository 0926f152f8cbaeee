import { settleAll } from '../../net/concurrency.js';
import { describeError } from '../../report/explain.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import type { ApiKey } from '../../suprsend/types.js';
import { plan, type Kept } from './plan.js';
import type { DeleteSettings, Selection } from './settings.js';

/** Disables at most this many keys at once: deletes are rare and small in number, the API is shared. */
export const DELETE_CONCURRENCY = 4;

export interface DeleteResult {
  workspace: string;
  selection: Selection;
  dryRun: boolean;
  /** Keys selected for disabling: what a dry run would disable. */
  planned: ApiKey[];
  /** Keys this step disabled. */
  disabled: ApiKey[];
  /** Keys asked for (or selected) that were already disabled, or gone by the time of the DELETE. */
  alreadyDisabled: ApiKey[];
  kept: Kept[];
  /** Keys of unknown age, left alone by an age filter. */
  undated: ApiKey[];
  failed: { key: ApiKey; reason: string }[];
  failure?: string;
}

/**
 * Disables keys by id or by a filter: one listing (to check the ids, or to select),
 * then one DELETE per selected key, at most DELETE_CONCURRENCY at once; none in a dry run.
 */
export async function deleteKeys(client: SuprSendClient, settings: DeleteSettings, now: Date): Promise<DeleteResult> {
  const { workspace } = client;
  const { selection, dryRun } = settings;
  const chosen = plan(await client.listKeys(), selection, workspace, now);
  const result: DeleteResult = {
    workspace,
    selection,
    dryRun,
    planned: chosen.disable,
    disabled: [],
    alreadyDisabled: [...chosen.alreadyDisabled],
    kept: chosen.kept,
    undated: chosen.undated,
    failed: []
  };
  if (dryRun) return result;

  const outcomes = await settleAll(chosen.disable, DELETE_CONCURRENCY, (key) => client.disableKey(key.id));
  for (const { item: key, outcome } of outcomes) {
    if (outcome.status === 'rejected') result.failed.push({ key, reason: describeError(outcome.reason) });
    // A 404 here means the key went away since the listing: it is not active, which is what was asked.
    else (outcome.value === 'disabled' ? result.disabled : result.alreadyDisabled).push(key);
  }
  if (result.failed.length > 0) {
    result.failure =
      `Could not disable ${result.failed.length} of ${chosen.disable.length} keys in workspace '${workspace}'` +
      `${result.disabled.length > 0 ? ` (disabled: ${result.disabled.map((k) => k.id).join(', ')})` : ''}. ` +
      `Run the step again to finish; keys already disabled are skipped.\n${result.failed.map((f) => `${f.key.id}: ${f.reason}`).join('\n')}`;
  }
  return result;
}
