/**
 * A workspace's public keys (api/suprsend-ws-public-key.openapi.yaml): what browser and mobile SDKs
 * send. Not secret: a listing carries each value (`api_key`). Rotating keeps the id and replaces the
 * value; secure mode is turned on or off with a PATCH. Keys are addressed by id, never one that
 * could steer a request.
 */
import { ActionError } from '../errors.js';
import type { HttpResponse } from '../net/http.js';
import { SuprSendFailure, type FailedRequest } from './failure.js';
import { isPathSegment, showId } from './ids.js';
import { Requester, type Operation } from './requester.js';
import { isObject, parseCreated } from './responses.js';
import type { Actor, ClientDeps, Connection } from './types.js';
import { deleteOne, forEachListedPage, workspaceRequester } from './workspace-api.js';

export interface PublicKey {
  id: string;
  /** The value (SS.PUBK…), not a secret. */
  api_key?: string;
  name?: string;
  is_default?: boolean;
  is_secure_mode_enabled?: boolean;
  is_deleted?: boolean;
  created_at?: string | null;
  created_by?: Actor | null;
  rotated_at?: string | null;
  [field: string]: unknown;
}

export class PublicKeyClient {
  private readonly api: Requester;

  constructor(
    connection: Connection,
    readonly workspace: string,
    deps: ClientDeps
  ) {
    this.api = workspaceRequester(connection, deps, workspace, 'ws_public_key');
  }

  /** Every public key, values included; an entry whose id could steer a request is left out. */
  async list(): Promise<PublicKey[]> {
    const op: Operation = { method: 'GET', path: '', what: `list the public keys of workspace '${this.workspace}'` };
    const all: PublicKey[] = [];
    // The value is not a secret here: nothing is dropped.
    await forEachListedPage(this.api, op, [], (listed) => {
      const keys = listed as PublicKey[];
      all.push(...keys.filter((key) => isPathSegment(key.id)));
    });
    return all;
  }

  async create(name: string, description: string | undefined): Promise<PublicKey> {
    const op: Operation = {
      method: 'POST',
      path: '',
      body: description === undefined ? { name } : { name, description },
      what: `create a public key named ${JSON.stringify(name)} in workspace '${this.workspace}'`,
      keyName: name
    };
    return readKey(await this.api.request(op), this.api.failedRequest(op));
  }

  /** Replaces the key's value in place (same id): clients still sending the old value stop working. */
  async rotate(id: string): Promise<PublicKey> {
    this.checkId(id, 'rotate');
    const op: Operation = { method: 'PATCH', path: `${id}/rotate/`, what: `rotate public key ${id} in workspace '${this.workspace}'` };
    return readKey(await this.api.request(op), this.api.failedRequest(op));
  }

  async setSecureMode(id: string, on: boolean): Promise<PublicKey> {
    this.checkId(id, 'change');
    const op: Operation = {
      method: 'PATCH',
      path: `${id}/`,
      body: { is_secure_mode_enabled: on },
      what: `turn secure mode ${on ? 'on' : 'off'} for public key ${id} in workspace '${this.workspace}'`
    };
    return readKey(await this.api.request(op), this.api.failedRequest(op));
  }

  async delete(id: string): Promise<'deleted' | 'not-found'> {
    const refusal = `Refusing to delete public key ${showId(id)}: not a key id (letters, digits, '-' and '_').`;
    return deleteOne(this.api, id, `delete public key ${id} in workspace '${this.workspace}'`, refusal);
  }

  private checkId(id: string, verb: string): void {
    if (!isPathSegment(id))
      throw new ActionError(`Refusing to ${verb} public key ${showId(id)}: not a key id (letters, digits, '-' and '_').`);
  }
}

/** A key in an answer: it must have an id that is one, and a value. */
function readKey(response: HttpResponse, request: FailedRequest): PublicKey {
  // A public key is not a secret: a body that is not JSON may be quoted.
  const parsed = parseCreated(response, request, true);
  const id = isObject(parsed) && typeof parsed.id === 'string' ? parsed.id : undefined;
  if (id === undefined || id === '')
    throw new SuprSendFailure(request, { kind: 'answer', problem: 'create-without-id', status: response.status });
  if (!isPathSegment(id))
    throw new SuprSendFailure(request, { kind: 'answer', problem: 'create-with-bad-id', status: response.status, keyId: id });
  if (typeof (parsed as PublicKey).api_key !== 'string')
    throw new SuprSendFailure(request, { kind: 'answer', problem: 'create-without-secret', status: response.status, keyId: id });
  return parsed as PublicKey;
}
