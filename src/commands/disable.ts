/** Disabling keys, at most DELETE_CONCURRENCY at once, every one tried whatever the others do. Shared by delete and rotate. */
import { settleAll } from '../net/concurrency.js';
import { describeError } from '../report/explain.js';
import type { SuprSendClient } from '../suprsend/client.js';
import type { ApiKey } from '../suprsend/types.js';

/** A key left active, and why, in words for the log and the summary. */
export interface Kept {
  key: ApiKey;
  why: string;
}

/** Deletes are rare and small in number, and the API is shared. */
export const DELETE_CONCURRENCY = 4;

export interface Disabled {
  disabled: ApiKey[];
  /** Gone by the time of the DELETE (404): not active, which is what was asked. */
  alreadyDisabled: ApiKey[];
  failed: { key: ApiKey; reason: string }[];
}

export async function disableAll(client: SuprSendClient, keys: ApiKey[]): Promise<Disabled> {
  const result: Disabled = { disabled: [], alreadyDisabled: [], failed: [] };
  for (const { item: key, outcome } of await settleAll(keys, DELETE_CONCURRENCY, (k) => client.disableKey(k.id))) {
    if (outcome.status === 'rejected') result.failed.push({ key, reason: describeError(outcome.reason) });
    else (outcome.value === 'disabled' ? result.disabled : result.alreadyDisabled).push(key);
  }
  return result;
}

/** The step's failure when some DELETEs failed: how many, which were done, and each reason. */
export function disableFailure(workspace: string, attempted: number, done: Disabled): string | undefined {
  if (done.failed.length === 0) return undefined;
  return (
    `Could not disable ${done.failed.length} of ${attempted} keys in workspace '${workspace}'` +
    `${done.disabled.length > 0 ? ` (disabled: ${done.disabled.map((k) => k.id).join(', ')})` : ''}. ` +
    `Run the step again to finish; keys already disabled are skipped.\n${done.failed.map((f) => `${f.key.id}: ${f.reason}`).join('\n')}`
  );
}

/** What happened to one key: a log phrase and a summary cell. */
export interface Outcome {
  key: ApiKey;
  log: string;
  cell: string;
}

/**
 * What happened to each key a delete or a rotation selected, in the order a person checks:
 * disabled (or, in a dry run, would be), failed, already disabled, kept and why.
 */
export function disableOutcomes(r: {
  dryRun: boolean;
  planned: ApiKey[];
  disabled: ApiKey[];
  failed: Disabled['failed'];
  alreadyDisabled: ApiKey[];
  kept: Kept[];
}): Outcome[] {
  return [
    ...(r.dryRun
      ? r.planned.map((key) => ({ key, log: 'would be disabled (dry run)', cell: 'would be disabled' }))
      : r.disabled.map((key) => ({ key, log: 'disabled', cell: 'disabled now' }))),
    ...r.failed.map(({ key, reason }) => ({ key, log: `could not be disabled: ${reason}`, cell: 'failed' })),
    ...r.alreadyDisabled.map((key) => ({ key, log: 'already disabled', cell: 'already disabled' })),
    ...r.kept.map(({ key, why }) => ({ key, log: `kept: ${why}`, cell: `kept (${why})` }))
  ];
}
