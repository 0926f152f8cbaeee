/**
 * The SuprSend management API for one workspace's API keys: create, list (every page),
 * disable. Retries and errors come from the requester; this checks what comes back.
 */
import { quoted } from '../text.js';
import { isPathSegment, showId } from './ids.js';
import { Requester, type Operation } from './requester.js';
import { readCreated } from './responses.js';
import type { ApiKey, ClientDeps, Connection, CreatedKey, DisableResult } from './types.js';
import { deleteOne, forEachListedPage, workspaceRequester } from './workspace-api.js';

export class SuprSendClient {
  private readonly api: Requester;

  constructor(
    connection: Connection,
    readonly workspace: string,
    private readonly deps: ClientDeps
  ) {
    this.api = workspaceRequester(connection, deps, workspace, 'ws_api_key');
  }

  async createKey(name: string, description: string | undefined): Promise<CreatedKey> {
    const what = `create a key named ${JSON.stringify(name)} in workspace '${this.workspace}'`;
    const body = description === undefined ? { name } : { name, description };
    const op: Operation = { method: 'POST', path: '', body, what, keyName: name };
    const response = await this.api.request(op);
    return readCreated(response, this.api.failedRequest(op), this.deps.onSecret);
  }

  /** Every key of the workspace, disabled ones included, in the server's order, without duplicates. */
  async listKeys(): Promise<ApiKey[]> {
    const all: ApiKey[] = [];
    await this.forEachKeyPage((keys) => all.push(...keys));
    return all;
  }

  /**
   * The same keys, a page at a time as they come in, in order: a caller keeps only what it
   * needs of a listing of any size. An entry whose id could steer a request elsewhere is
   * skipped with a warning (after paging, so it still counts for where the next page starts).
   */
  async forEachKeyPage(onKeys: (keys: ApiKey[]) => void): Promise<void> {
    const op: Operation = { method: 'GET', path: '', what: `list the keys of workspace '${this.workspace}'` };
    const vetted = (keys: ApiKey[]): ApiKey[] =>
      keys.filter((key) => {
        if (isPathSegment(key.id)) return true;
        this.deps.warning(
          `Skipped a key listed in workspace '${this.workspace}' (name ${quoted(key.name)}): ` +
            `its id ${showId(key.id)} is not a key id (letters, digits, '-' and '_'), and the action never puts such a value in a request.`
        );
        return false;
      });
    await forEachListedPage(this.api, op, ['api_key'], (listed) => {
      const keys = listed as ApiKey[];
      onKeys(vetted(keys));
    });
  }

  /** Disables one key. A key SuprSend does not know (404) is reported, not thrown. */
  async disableKey(id: string): Promise<DisableResult> {
    const what = `disable key ${id} in workspace '${this.workspace}'`;
    const refusal = `Refusing to disable key ${showId(id)}: not a key id (letters, digits, '-' and '_').`;
    return (await deleteOne(this.api, id, what, refusal)) === 'deleted' ? 'disabled' : 'not-found';
  }
}
