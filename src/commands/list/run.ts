import type { ArrayFile } from '../../report/outputs.js';
import type { SuprSendClient } from '../../suprsend/client.js';
import type { ApiKey } from '../../suprsend/types.js';
import { ListTally, type ListFilter, type ReportBudget, type ListResult } from './tally.js';

/** Lists the workspace's keys, filtered, into the keys file as pages come in, and finds the stale ones. */
export async function listKeys(
  client: SuprSendClient,
  settings: ListFilter,
  now: Date,
  out: { file: ArrayFile; budget: ReportBudget; kind?: 'api-key' }
): Promise<ListResult> {
  const { workspace } = client;
  const tally = new ListTally(settings, now, out.budget);
  await client.forEachKeyPage((page) => {
    const shown = tally.add(page);
    if (shown.length > 0) out.file.append(workspace, keysJson(shown, workspace, out.kind));
  });
  // The first keys for the log and the summary come back from the file now the listing is done:
  // holding them while it ran kept them alive through its collections and cost more memory than they are.
  for (const values of out.file.readBack(workspace)) {
    if (!tally.keepFirst(JSON.parse(`[${values}]`) as ApiKey[])) break;
  }
  return tally.result(workspace);
}

/**
 * Keys as JSON values separated by commas, each with its workspace's slug (last, or in place of a
 * field of that name). The keys are this listing's own, fresh from the parser: the slug is set on
 * them and the page written with one `JSON.stringify`, because a string per key (spliced or copied)
 * raised the peak RSS of listing 20,000 keys by about 10 MB.
 */
export function keysJson(keys: ApiKey[], workspace: string, kind?: string): string {
  for (const key of keys) {
    key.workspace = workspace;
    // With 'key-type: all', each row says which kind of credential it is.
    if (kind !== undefined) key.kind = kind;
  }
  return JSON.stringify(keys).slice(1, -1);
}
