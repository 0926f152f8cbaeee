/**
 * A workspace's signing keys (api/suprsend-ws-signing-key.openapi.yaml): at most one active; its
 * private key (PEM, and the same base64-encoded) is in the answer that creates or rolls it, and
 * never again. It is masked the moment it is read: the whole PEM, each of its lines, the base64.
 * Roll and delete address a key by its `uid`: a uid that could steer a request is never used.
 */
import { ActionError } from '../errors.js';
import type { HttpResponse } from '../net/http.js';
import { secretParts } from '../secret-parts.js';
import { SuprSendFailure, type FailedRequest, type MadeWords } from './failure.js';
import { isPathSegment, showId } from './ids.js';
import { Requester, type Operation } from './requester.js';
import { isObject, parseCreated } from './responses.js';
import type { Actor, ClientDeps, Connection } from './types.js';
import { deleteOne, forEachListedPage, workspaceRequester } from './workspace-api.js';

export interface SigningKey {
  id: string;
  uid: string;
  /** 'active' or 'rolled' (read leniently: another value is shown as it is). */
  status?: string;
  created_at?: string | null;
  created_by?: Actor | null;
  rolled_at?: string | null;
  rolled_by?: Actor | null;
  expiry_at?: string | null;
  [field: string]: unknown;
}

export interface NewSigningKey {
  key: SigningKey;
  /** Multi-line PEM; masked (whole and line by line) when this is returned. */
  privateKeyPem: string;
  /** The PEM base64-encoded on one line; masked too. */
  privateKeyBase64: string;
}

const PRIVATE_FIELDS = ['private_key_pem', 'private_key_base64'];

/** How a failure names a signing key a create or a roll may have made. */
const MADE: MadeWords = {
  thing: 'A signing key',
  secretField: 'private_key_pem',
  lookFor: "look for it with command 'list' and 'key-type: signing-key'",
  remove: "delete it with command 'delete', 'key-type: signing-key' and its uid"
};

export class SigningKeyClient {
  private readonly api: Requester;

  constructor(
    connection: Connection,
    readonly workspace: string,
    private readonly deps: ClientDeps
  ) {
    this.api = workspaceRequester(connection, deps, workspace, 'ws_signing_key');
  }

  /** Every signing key, active and rolled; an entry whose uid could steer a request is skipped with a warning. */
  async list(): Promise<SigningKey[]> {
    const op: Operation = { method: 'GET', path: '', what: `list the signing keys of workspace '${this.workspace}'` };
    const all: SigningKey[] = [];
    await forEachListedPage(this.api, op, PRIVATE_FIELDS, (listed) => {
      const keys = listed as SigningKey[];
      for (const key of keys) {
        if (typeof key.uid === 'string' && isPathSegment(key.uid) && isPathSegment(key.id)) all.push(key);
        else
          this.deps.warning(
            `Skipped a signing key listed in workspace '${this.workspace}' (id ${showId(key.id)}): its uid ${showId(typeof key.uid === 'string' ? key.uid : '')} is not one, and the action never puts such a value in a request.`
          );
      }
    });
    return all;
  }

  /** Creates the workspace's signing key (SuprSend refuses while one is active). */
  async create(): Promise<NewSigningKey> {
    const op: Operation = { method: 'POST', path: '', what: `create a signing key in workspace '${this.workspace}'`, made: MADE };
    return this.readNew(await this.api.request(op), this.api.failedRequest(op));
  }

  /** Rolls the key `uid`: a new active key replaces it, and it becomes 'rolled'. Cannot be undone. */
  async roll(uid: string): Promise<NewSigningKey> {
    this.checkUid(uid, 'roll');
    const op: Operation = {
      method: 'POST',
      path: `${uid}/roll/`,
      what: `roll signing key ${uid} in workspace '${this.workspace}'`,
      made: MADE
    };
    return this.readNew(await this.api.request(op), this.api.failedRequest(op));
  }

  /** Deletes the key `uid`; one SuprSend does not know (404) is reported, not thrown. */
  async delete(uid: string): Promise<'deleted' | 'not-found'> {
    const refusal = `Refusing to delete signing key ${showId(uid)}: not a key uid (letters, digits, '-' and '_').`;
    return deleteOne(this.api, uid, `delete signing key ${uid} in workspace '${this.workspace}'`, refusal);
  }

  private checkUid(uid: string, verb: string): void {
    if (!isPathSegment(uid))
      throw new ActionError(`Refusing to ${verb} signing key ${showId(uid)}: not a key uid (letters, digits, '-' and '_').`);
  }

  /** The new key and its private material, masked before anything else is read of the answer. */
  private readNew(response: HttpResponse, request: FailedRequest): NewSigningKey {
    // Never quote this body: it holds the private key.
    const parsed = parseCreated(response, request, false);
    const field = (name: string): string | undefined =>
      isObject(parsed) && typeof parsed[name] === 'string' && parsed[name] !== '' ? parsed[name] : undefined;
    const pem = field('private_key_pem');
    const base64 = field('private_key_base64');
    for (const secret of [pem, base64]) if (secret !== undefined) for (const part of secretParts(secret)) this.deps.onSecret(part);
    const id = field('id');
    const uid = field('uid');
    const fail = (problem: 'create-without-secret' | 'create-without-id' | 'create-with-bad-id'): SuprSendFailure =>
      new SuprSendFailure(request, { kind: 'answer', problem, status: response.status, keyId: id });
    if (pem === undefined || base64 === undefined) throw fail('create-without-secret');
    if (id === undefined || uid === undefined) throw fail('create-without-id');
    if (!isPathSegment(id) || !isPathSegment(uid)) throw fail('create-with-bad-id');
    const key = Object.fromEntries(Object.entries(parsed as Record<string, unknown>).filter(([k]) => !PRIVATE_FIELDS.includes(k)));
    return { key: { ...key, id, uid }, privateKeyPem: pem, privateKeyBase64: base64 };
  }
}
