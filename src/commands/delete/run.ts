import type { SuprSendClient } from '../../suprsend/client.js';
import { isActive, namesDifferingInCase } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import { disableAll, disableFailure, type Kept } from '../disable.js';
import { plan } from './plan.js';
import type { DeleteSettings, Selection } from './settings.js';

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
  /** By name: names of active keys that equal it only when case is ignored. */
  otherCase: string[];
  failure?: string;
}

/**
 * Disables keys by id or by a filter: one listing (to check the ids, or to select),
 * then one DELETE per selected key (`disableAll`); none in a dry run.
 */
export async function deleteKeys(client: SuprSendClient, settings: DeleteSettings, now: Date): Promise<DeleteResult> {
  const { workspace } = client;
  const { selection, dryRun } = settings;
  const all = await client.listKeys();
  const chosen = plan(all, selection, workspace, now);
  const named = selection.by === 'filter' ? selection.name : undefined;
  const result: DeleteResult = {
    workspace,
    selection,
    dryRun,
    planned: chosen.disable,
    disabled: [],
    alreadyDisabled: [...chosen.alreadyDisabled],
    kept: chosen.kept,
    undated: chosen.undated,
    failed: [],
    otherCase: named === undefined ? [] : namesDifferingInCase(all.filter(isActive), named)
  };
  if (dryRun) return result;

  const done = await disableAll(client, chosen.disable);
  result.disabled = done.disabled;
  result.alreadyDisabled.push(...done.alreadyDisabled);
  result.failed = done.failed;
  const failure = disableFailure(workspace, chosen.disable.length, done);
  if (failure !== undefined) result.failure = failure;
  return result;
}
