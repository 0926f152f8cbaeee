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
import { planByFilter } from '../select.js';
import { describeError } from '../../report/explain.js';
import { quoted } from '../../text.js';
import { disableAll, type Disabled, type Kept } from '../disable.js';
import type { Stored } from '../key-handover.js';
import type { RotateSettings } from './settings.js';

export interface RotateResult {
  workspace: string;
  name: string;
  dryRun: boolean;
  /** The new key and its secret; undefined in a dry run. */
  created?: { key: ApiKey; secret: string };
  stored?: Stored;
  /** The hub that accepted the new key ('verify-key'), when it was checked. */
  checkedAt?: string;
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
      keptWhy: () => `one of the newest ${settings.keep} with the new key (keep: ${settings.keep})`,
      graceMs: settings.graceMs,
      // The new key, made now, is the newest: the key just older is in its grace period from now on.
      newestAt: now.getTime()
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

/**
 * Disables the older keys, once the new one is handed over. First it checks, through the listing,
 * that the new key is still active: a rotation running at the same time may have disabled it as
 * "older" (GitHub secrets have no compare-and-swap; only a `concurrency:` group closes the race).
 * Then nothing is disabled. Records failures; never throws for them.
 */
export async function finishRotation(client: SuprSendClient, result: RotateResult): Promise<void> {
  const { created } = result;
  if (result.dryRun || created === undefined) return;
  const holds = result.stored === undefined ? "this step's 'api-key' output holds" : `${result.stored.where} holds`;
  const planned = result.planned.map((k) => k.id);
  const finish = planned.length === 0 ? '' : ` To finish, disable the older keys with command 'delete' and key-id '${planned.join(' ')}'.`;
  let now: ApiKey | undefined;
  try {
    now = (await client.listKeys()).find((key) => key.id === created.key.id);
  } catch (error) {
    result.failure =
      `Could not check that the new key ${created.key.id} is still active before disabling the older keys: ${describeError(error)} ` +
      `The new key ${created.key.id} is in place and ${holds} it; no older key was disabled.${finish}`;
    return;
  }
  if (now === undefined || !isActive(now)) {
    result.failure =
      `The new key ${created.key.id} was disabled while this rotation ran, most likely by another rotation of ${quoted(result.name)} running at the same time; ` +
      `${holds} that disabled key. No older key was disabled. Run the rotation again to store a working key, and put scheduled rotations in a ` +
      "'concurrency:' group so that two never overlap.";
    return;
  }
  result.done = await disableAll(client, result.planned);
  const { failed, disabled } = result.done;
  if (failed.length === 0) return;
  const left = failed.map((f) => f.key.id);
  result.failure =
    `Could not disable ${failed.length} of ${result.planned.length} older keys in workspace '${result.workspace}'` +
    `${disabled.length > 0 ? ` (disabled: ${disabled.map((k) => k.id).join(', ')})` : ''}. The new key ${created.key.id} is in place and ${holds} it. ` +
    `To finish, disable ${left.length === 1 ? 'that key' : 'those keys'} with command 'delete' and key-id '${left.join(' ')}' ` +
    "(not by running this rotation again: it would create another key, and disable one that 'keep' or 'grace-period' now keeps).\n" +
    failed.map((f) => `${f.key.id}: ${f.reason}`).join('\n');
}
