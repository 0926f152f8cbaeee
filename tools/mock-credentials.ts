/**
 * The built-in mock's signing keys and public keys, per workspace, as SuprSend's API descriptions
 * state them (api/suprsend-ws-signing-key.openapi.yaml, api/suprsend-ws-public-key.openapi.yaml):
 * at most one active signing key (a second create answers 400), a roll that makes a new active key
 * and marks the old one `rolled`, private material only in the answers to create and roll, deletes
 * by uid; public keys with their values in every listing, a rotate that keeps the id and replaces
 * the value, secure mode turned on and off by PATCH, and a default key in every workspace.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';

const CREATOR = { name: 'System User', email: 'org_mock@systemuser.suprsend.com' };

export interface MockSigningKey {
  id: string;
  uid: string;
  status: 'active' | 'rolled';
  allowed_domains: null;
  expiry_at: null;
  created_at: string;
  created_by: typeof CREATOR;
  rolled_at: string | null;
  rolled_by: typeof CREATOR | null;
  deleted_at: null;
  deleted_by: null;
}

export interface MockPublicKey {
  id: string;
  api_key: string;
  name: string;
  allowed_domains: null;
  is_secure_mode_enabled: boolean;
  is_deleted: boolean;
  is_default: boolean;
  created_at: string;
  created_by: typeof CREATOR | null;
  rotated_at: string | null;
  rotated_by: typeof CREATOR | null;
  updated_at: string;
  updated_by: typeof CREATOR | null;
}

interface Answer {
  status: number;
  body?: unknown;
}

const hex = (n: number): string => randomBytes(n).toString('hex');
const publicValue = (): string => `SS.PUBK.${randomBytes(32).toString('base64url')}`;

export class MockCredentials {
  readonly signingKeys = new Map<string, MockSigningKey[]>();
  readonly publicKeys = new Map<string, MockPublicKey[]>();

  /** `secrets`: where the private material handed out is recorded (the tests' leak checks read it). */
  constructor(private readonly secrets: string[]) {}

  /** A signing key that exists before the step runs (no private material: it was shown when it was made). */
  addSigningKey(workspace: string, fields: Partial<MockSigningKey> = {}): MockSigningKey {
    const key: MockSigningKey = {
      id: `ws_signk_${hex(8)}`,
      uid: `signing_key_${hex(8)}`,
      status: 'active',
      allowed_domains: null,
      expiry_at: null,
      created_at: new Date().toISOString(),
      created_by: CREATOR,
      rolled_at: null,
      rolled_by: null,
      deleted_at: null,
      deleted_by: null,
      ...fields
    };
    this.list(this.signingKeys, workspace).push(key);
    return key;
  }

  addPublicKey(workspace: string, fields: Partial<MockPublicKey> & { name: string }): MockPublicKey {
    const now = new Date().toISOString();
    const key: MockPublicKey = {
      id: `ws_pubk_${hex(8)}`,
      api_key: publicValue(),
      allowed_domains: null,
      is_secure_mode_enabled: false,
      is_deleted: false,
      is_default: false,
      created_at: now,
      created_by: CREATOR,
      rotated_at: null,
      rotated_by: null,
      updated_at: now,
      updated_by: CREATOR,
      ...fields
    };
    this.list(this.publicKeys, workspace).push(key);
    return key;
  }

  /** `rest`: the path after /v1/{workspace}/ws_signing_key/ or ws_public_key/, split at '/', empty parts dropped. */
  answer(kind: 'ws_signing_key' | 'ws_public_key', workspace: string, method: string, rest: string[], body: string): Answer {
    return kind === 'ws_signing_key' ? this.signing(workspace, method, rest) : this.public(workspace, method, rest, body);
  }

  private signing(workspace: string, method: string, rest: string[]): Answer {
    const list = this.list(this.signingKeys, workspace);
    if (rest.length === 0 && method === 'GET') return page(list);
    if (rest.length === 0 && method === 'POST') {
      if (list.some((k) => k.status === 'active')) return error(400, 'only 1 active signing key is allowed');
      return { status: 201, body: this.withPrivate(this.addSigningKey(workspace)) };
    }
    const key = list.find((k) => k.uid === rest[0]);
    if (key === undefined) return error(404, `signing key '${rest[0] ?? ''}' not found`);
    if (rest.length === 2 && rest[1] === 'roll' && method === 'POST') {
      if (key.status !== 'active') return error(400, 'only the active signing key can be rolled');
      key.status = 'rolled';
      key.rolled_at = new Date().toISOString();
      key.rolled_by = CREATOR;
      return { status: 201, body: this.withPrivate(this.addSigningKey(workspace)) };
    }
    if (rest.length === 1 && method === 'DELETE') {
      list.splice(list.indexOf(key), 1);
      return { status: 204 };
    }
    return error(405, `${method} not allowed`);
  }

  private public(workspace: string, method: string, rest: string[], body: string): Answer {
    const list = this.list(this.publicKeys, workspace);
    // Every workspace has its default key, first.
    if (!list.some((k) => k.is_default)) {
      const fallback = this.addPublicKey(workspace, { name: 'default', is_default: true, created_by: null });
      list.unshift(...list.splice(list.indexOf(fallback), 1));
    }
    if (rest.length === 0 && method === 'GET') return page(list);
    const sent = parseObject(body);
    if (rest.length === 0 && method === 'POST') {
      if (typeof sent?.name !== 'string' || sent.name === '') return error(400, 'name is required');
      return { status: 201, body: this.addPublicKey(workspace, { name: sent.name }) };
    }
    const key = list.find((k) => k.id === rest[0] && !k.is_deleted);
    if (key === undefined) return error(404, `public key '${rest[0] ?? ''}' not found`);
    const now = new Date().toISOString();
    if (rest.length === 2 && rest[1] === 'rotate' && method === 'PATCH') {
      Object.assign(key, { api_key: publicValue(), rotated_at: now, rotated_by: CREATOR, updated_at: now, updated_by: CREATOR });
      return { status: 202, body: key };
    }
    if (rest.length === 1 && method === 'PATCH') {
      if (typeof sent?.is_secure_mode_enabled !== 'boolean') return error(400, 'is_secure_mode_enabled is required');
      Object.assign(key, { is_secure_mode_enabled: sent.is_secure_mode_enabled, updated_at: now, updated_by: CREATOR });
      return { status: 202, body: key };
    }
    if (rest.length === 1 && method === 'DELETE') {
      key.is_deleted = true;
      return { status: 204 };
    }
    return error(405, `${method} not allowed`);
  }

  /** The key as create and roll answer it: with a fresh P-256 private key, PEM and base64, recorded as secrets. */
  private withPrivate(key: MockSigningKey): Record<string, unknown> {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const base64 = Buffer.from(pem).toString('base64');
    this.secrets.push(pem, base64);
    return { ...key, private_key_pem: pem, private_key_base64: base64 };
  }

  private list<T>(map: Map<string, T[]>, workspace: string): T[] {
    let list = map.get(workspace);
    if (list === undefined) {
      list = [];
      map.set(workspace, list);
    }
    return list;
  }
}

function page(list: readonly unknown[]): Answer {
  return { status: 200, body: { meta: { count: list.length, limit: list.length, offset: 0 }, results: list } };
}

function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function error(code: number, message: string): Answer {
  return {
    status: code,
    body: { code, error_code: 'error', type: 'ValidationError', message: JSON.stringify([message]), detail: [message] }
  };
}
