/**
 * The outputs a signing-key or public-key listing and delete write alike: the keys file, `keys` and
 * `count` of one workspace's listing; the one key a delete selected, and whether it was deleted.
 */
import type { ArrayFile, OutputSink } from '../report/outputs.js';

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
