/**
 * A rotation in one step, in an order that never leaves the name without a working key:
 * list, create the new key, hand it over (secret, outputs), and only then disable the
 * older active keys of the name beyond `keep`. A failure before the old keys are touched
 * leaves the account as it was (the new key is rolled back); a failure while disabling
 * them leaves the new key stored and working, and a re-run converges.
 */
import type { SuprSendClient } from '../../suprsend/client.js';
import { isActive, namesDifferingInCase } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import { planByFilter } from '../delete/plan.js';
import { disableAll, disableFailure, type Disabled, type Kept } from '../disable.js';
import type { Stored } from '../key-handover.js';
import type { RotateSettings } from './settings.js';

export interface RotateResult {
  workspace: string;
  name: string;
  dryRun: boolean;
  /** The new key and its secret; undefined in a dry run. */
  created?: { key: ApiKey; secret: string };
  stored?: Stored;
  /** Older active keys of the name to disable, newest first. */
  planned: ApiKey[];
  /** Older keys kept (keep - 1 of them). */
  kept: Kept[];
  done?: Disabled;
  /** When no key has the name: names of active keys that equal it only when case is ignored. */
  otherCase: string[];
  failure?: string;
}

/** Lists the name's keys and, unless it is a dry run, creates the new key. Nothing is disabled yet. */
export async function startRotation(
  client: SuprSendClient,
  settings: RotateSettings,
  origin: string | undefined,
  now: Date,
  beforeMinting: () => Promise<void>
): Promise<RotateResult> {
  const all = await client.listKeys();
  const older = planByFilter(
    all,
    {
      name: settings.name,
      olderThanDays: undefined,
      // The new key is one of the `keep`: the older keys kept are one fewer.
      keep: settings.keep - 1,
      keptWhy: () => `one of the newest ${settings.keep} with the new key (keep: ${settings.keep})`
    },
    now
  );
  const result: RotateResult = {
    workspace: client.workspace,
    name: settings.name,
    dryRun: settings.dryRun,
    planned: older.disable,
    kept: older.kept,
    otherCase: older.disable.length + older.kept.length === 0 ? namesDifferingInCase(all.filter(isActive), settings.name) : []
  };
  if (!settings.dryRun) {
    await beforeMinting();
    result.created = await client.createKey(settings.name, settings.description ?? origin);
  }
  return result;
}

/** Disables the older keys, once the new one is handed over. Records failures; never throws for them. */
export async function finishRotation(client: SuprSendClient, result: RotateResult): Promise<void> {
  if (result.dryRun) return;
  result.done = await disableAll(client, result.planned);
  const failure = disableFailure(result.workspace, result.planned.length, result.done);
  if (failure !== undefined) {
    result.failure = `${failure}\nThe new key ${result.created?.key.id ?? ''} is in place${result.stored ? ` and stored as ${result.stored.where}` : ''}.`;
  }
}
