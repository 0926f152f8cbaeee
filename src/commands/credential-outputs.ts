/**
 * What a signing-key or public-key listing and delete do alike: the keys file, `keys` and `count` of
 * one workspace's listing; a delete of the one key selected (unless a dry run), its outputs and
 * outcome, and its line in the log and the summary.
 */
import type { ArrayFile, OutputSink } from '../report/outputs.js';
import type { CommandOutcome, StepPort } from './command.js';
import { outcomeOf, publishOutputs } from './outcome.js';

/** The listing in the keys file (named by the action, never by a slug the server sent), `keys` and `count`. */
export function listingOutputs(file: ArrayFile, workspace: string, keys: readonly { id: string }[], { setOutput }: OutputSink): void {
  file.append(workspace, JSON.stringify(keys.map((k) => ({ ...k, workspace }))).slice(1, -1));
  setOutput('keys-file', file.save('suprsend-keys.json', [workspace]).path);
  setOutput('keys', file.read());
  setOutput('count', String(keys.length));
}

/** 'planned-key-ids' and 'deleted-key-ids' of a delete of one key. */
export function deletedOutputs(id: string, deleted: boolean, { setOutput }: OutputSink): void {
  setOutput('planned-key-ids', JSON.stringify([id]));
  setOutput('deleted-key-ids', JSON.stringify(deleted ? [id] : []));
}

export interface OneDeleted<K> {
  workspace: string;
  key: K;
  deleted: boolean;
}

/** Deletes the selected key with `remove` (not in a dry run), publishes what was planned and deleted, and ends the story. */
export async function deleteOneKey<K extends { id: string }>(
  step: StepPort,
  selected: { workspace: string; key: K; dryRun: boolean },
  remove: () => Promise<'deleted' | 'not-found'>
): Promise<CommandOutcome<OneDeleted<K>>> {
  const { workspace, key, dryRun } = selected;
  const deleted = !dryRun && (await remove()) === 'deleted';
  publishOutputs(step, [workspace], (sink) => {
    deletedOutputs(key.id, deleted, sink);
  });
  return outcomeOf([workspace], { workspace, key, deleted }, [], dryRun);
}

/** The log's line for one key's delete: `what` names the key and its workspace. */
export function deletedLine(what: string, status: CommandOutcome<unknown>['status'], deleted: boolean): string {
  return status === 'planned' ? `Dry run: would delete ${what}.` : deleted ? `Deleted ${what}.` : `${what} was already gone.`;
}

/** The summary's title for one key's delete: "### public key ws_pubk_… deleted in `staging`". */
export function deletedTitle(kind: string, r: OneDeleted<{ id: string }>, status: CommandOutcome<unknown>['status']): string {
  const planned = status === 'planned';
  return `### ${planned ? 'Dry run: ' : ''}${kind} ${r.key.id} ${planned ? 'would be deleted' : 'deleted'} in \`${r.workspace}\`\n`;
}
