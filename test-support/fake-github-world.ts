/**
 * What the fake GitHub knows, and answers as GitHub's published description says it does
 * (`@octokit/openapi`; `__tests__/e2e/github-contract.test.ts` checks requests and answers against
 * it): organizations, repositories (names case-insensitive, renames answered with 301/307 to
 * `/repositories/{id}`), environments, a key pair and `key_id` per repository, environment and
 * organization, secrets with their `created_at` / `updated_at`, Actions variables
 * (`fake-github-variables.ts`), issues (`fake-github-issues.ts`). Sealed boxes are opened with
 * tweetnacl, an implementation independent of the action's.
 */
import { blake2b } from '@noble/hashes/blake2.js';
import nacl from 'tweetnacl';
import { IssueBoard, type IssueOptions } from './fake-github-issues.js';
import { VariableBoard } from './fake-github-variables.js';

export const GITHUB_TEST_TOKEN = 'ghs_fakeGitHubToken0123456789';

/** The repositories the fake knows, by full name, with their ids (for organization secrets' selected lists). */
export const REPOSITORY_IDS: Record<string, number> = { 'acme/shop': 101, 'acme/api': 102, 'acme/web': 103, 'acme/infra': 104 };
export const ORGANIZATIONS = ['acme'];

export function openSealedBox(sealed: Uint8Array, keyPair: nacl.BoxKeyPair): Uint8Array | null {
  const ephemeral = sealed.subarray(0, 32);
  const both = new Uint8Array(64);
  both.set(ephemeral);
  both.set(keyPair.publicKey, 32);
  return nacl.box.open(sealed.subarray(32), blake2b(both, { dkLen: 24 }), ephemeral, keyPair.secretKey);
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface WorldOptions extends IssueOptions {
  /** Old full name → current full name: the old name answers 301 (reads) and 307 (writes). */
  renamed?: Record<string, string>;
  /** Repositories the token may not read: 403. */
  forbidden?: string[];
  /** The public key handed out, base64, instead of the scope's real one (a wrong answer). */
  publicKey?: string;
}

/** `actions/secrets` or `dependabot/secrets`. */
function isSecretsOf(app: string | undefined, secrets: string | undefined): boolean {
  return (app === 'actions' || app === 'dependabot') && secrets === 'secrets';
}

/** Where a type's secrets are kept in the maps: Actions secrets as they always were, Dependabot's under "dependabot:". */
function typePrefix(app: string): string {
  return app === 'dependabot' ? 'dependabot:' : '';
}

/** A repository's full name by its id ("acme/repo-<id>" for one the fake does not list). */
function repositoryName(id: number): string {
  return Object.keys(REPOSITORY_IDS).find((n) => REPOSITORY_IDS[n] === id) ?? `acme/repo-${id}`;
}

const notFound: Answer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };

/** A secret's scope, by the key its secrets are stored under: "acme/shop/", "acme/shop/env:prod/", "org:acme/". */
interface Scope {
  prefix: string;
  /** '' for Actions secrets, 'dependabot:' for Dependabot's. */
  type: string;
  /** Where a key pair of this scope is kept. */
  keyName: string;
  org?: string;
}

export class World {
  readonly secrets = new Map<string, string>();
  readonly meta = new Map<string, { created_at: string; updated_at: string }>();
  readonly orgSecrets = new Map<string, { visibility: string; selected_repository_ids?: number[] }>();
  private readonly keys = new Map<string, { keyPair: nacl.BoxKeyPair; keyId: string }>();
  readonly issues: IssueBoard;
  readonly variables = new VariableBoard();

  constructor(private readonly options: WorldOptions = {}) {
    this.issues = new IssueBoard(options);
  }

  /** The answer to one request; `segments` are the path's segments, each decoded once (so `%2F` stays inside its segment). */
  answer(method: string, segments: string[], body: string, baseUrl: string, query = new URLSearchParams()): Answer {
    const [head, ...rest] = segments;
    if (head === 'repos' && rest.length >= 2) {
      const full = `${rest[0]}/${rest[1]}`;
      const moved = this.renamedTo(full);
      if (moved !== undefined) {
        const location = `${baseUrl}/repositories/${REPOSITORY_IDS[moved]}${rest
          .slice(2)
          .map((s) => `/${encodeURIComponent(s)}`)
          .join('')}`;
        return { status: method === 'GET' ? 301 : 307, body: { message: 'Moved Permanently', url: location }, headers: { location } };
      }
      return this.repository(method, this.canonical(full), rest.slice(2), body, query);
    }
    if (head === 'repositories' && rest.length >= 1) {
      const full = Object.keys(REPOSITORY_IDS).find((name) => String(REPOSITORY_IDS[name]) === rest[0]);
      return this.repository(method, full, rest.slice(1), body, query);
    }
    if (head === 'orgs' && rest.length >= 3 && rest[1] === 'actions' && rest[2] === 'variables') {
      const org = ORGANIZATIONS.find((o) => o === rest[0]?.toLowerCase());
      if (org === undefined) return notFound;
      return this.variables.answer(method, `org:${org}/`, org, rest.slice(3), body, query, repositoryName);
    }
    if (head === 'orgs' && rest.length >= 4 && isSecretsOf(rest[1], rest[2])) {
      const org = ORGANIZATIONS.find((o) => o === rest[0]?.toLowerCase());
      if (org === undefined) return notFound;
      const type = typePrefix(rest[1]!);
      const scope = { prefix: `org:${org}/${type}`, type, keyName: `org:${org}/${type}`, org };
      if (rest.length === 5 && rest[4] === 'repositories' && method === 'GET') return this.selectedRepositories(scope, rest[3]!, query);
      if (rest.length === 4) return this.secret(method, scope, rest[3]!, body);
    }
    return notFound;
  }

  /** An organization secret as if written before the test (by hand, or by another tool). */
  seedOrgSecret(org: string, name: string, visibility: string, selected: number[] = []): void {
    this.secrets.set(`org:${org}/${name}`, 'seeded');
    const at = '2026-01-01T00:00:00Z';
    this.meta.set(`org:${org}/${name}`, { created_at: at, updated_at: at });
    this.orgSecrets.set(`${org}/${name}`, { visibility, ...(visibility === 'selected' ? { selected_repository_ids: selected } : {}) });
  }

  /** The repositories a 'selected' organization secret is visible to, paged as GitHub pages (per_page, page). */
  private selectedRepositories(scope: Scope, name: string, query: URLSearchParams): Answer {
    const written = this.orgSecrets.get(`${scope.org ?? ''}/${scope.type}${name}`);
    if (written === undefined || !this.meta.has(`${scope.prefix}${name}`)) return notFound;
    const ids = written.selected_repository_ids ?? [];
    const perPage = Number(query.get('per_page') ?? 30);
    const page = Number(query.get('page') ?? 1);
    const repositories = ids.slice((page - 1) * perPage, page * perPage).map((id) => {
      const full = repositoryName(id);
      return { id, name: full.split('/')[1], full_name: full };
    });
    return { status: 200, body: { total_count: ids.length, repositories } };
  }

  private repository(method: string, full: string | undefined, rest: string[], body: string, query: URLSearchParams): Answer {
    if (full === undefined) return notFound;
    if (this.options.forbidden?.includes(full)) {
      return {
        status: 403,
        body: {
          message: 'Resource not accessible by personal access token',
          documentation_url: 'https://docs.github.com/rest',
          status: '403'
        }
      };
    }
    if (rest.length === 0) return method === 'GET' ? { status: 200, body: { id: REPOSITORY_IDS[full], full_name: full } } : notFound;
    if (rest[0] === 'issues') return this.issues.answer(method, full, rest.slice(1), body, query);
    if (rest[0] === 'actions' && rest[1] === 'variables') {
      return this.variables.answer(method, `${full}/`, undefined, rest.slice(2), body, query, repositoryName);
    }
    if (rest[0] === 'environments' && rest[2] === 'variables' && rest.length >= 3) {
      return this.variables.answer(method, `${full}/env:${rest[1]}/`, undefined, rest.slice(3), body, query, repositoryName);
    }
    if (rest.length === 3 && isSecretsOf(rest[0], rest[1])) {
      const type = typePrefix(rest[0]!);
      return this.secret(method, { prefix: `${full}/${type}`, type, keyName: `${full}/${type}` }, rest[2]!, body);
    }
    if (rest.length === 4 && rest[0] === 'environments' && rest[2] === 'secrets') {
      return this.secret(method, { prefix: `${full}/env:${rest[1]}/`, type: '', keyName: `${full}/env:${rest[1]}` }, rest[3]!, body);
    }
    return notFound;
  }

  private secret(method: string, scope: Scope, last: string, body: string): Answer {
    const { keyPair, keyId } = this.keyOf(scope.keyName);
    if (last === 'public-key') {
      return method === 'GET'
        ? { status: 200, body: { key_id: keyId, key: this.options.publicKey ?? Buffer.from(keyPair.publicKey).toString('base64') } }
        : notFound;
    }
    const where = `${scope.prefix}${last}`;
    if (method === 'GET') {
      const meta = this.meta.get(where);
      if (meta === undefined) return notFound;
      const org = scope.org === undefined ? undefined : this.orgSecrets.get(`${scope.org}/${scope.type}${last}`);
      const selectedUrl =
        org?.visibility === 'selected'
          ? { selected_repositories_url: `https://api.github.test/orgs/${scope.org}/secrets/${last}/repositories` }
          : {};
      return { status: 200, body: { name: last, ...meta, ...(org === undefined ? {} : { visibility: org.visibility, ...selectedUrl }) } };
    }
    if (method !== 'PUT') return notFound;
    const sent = JSON.parse(body) as { encrypted_value?: string; key_id?: string; visibility?: string; selected_repository_ids?: number[] };
    if (sent.key_id !== keyId) return { status: 422, body: { message: 'Invalid request.\n\nkey_id does not match', status: '422' } };
    const opened = openSealedBox(new Uint8Array(Buffer.from(sent.encrypted_value ?? '', 'base64')), keyPair);
    if (opened === null) return { status: 422, body: { message: 'Invalid request.\n\ncould not decrypt', status: '422' } };
    if (scope.org !== undefined) {
      if (sent.visibility === undefined)
        return { status: 422, body: { message: 'Invalid request.\n\nvisibility is missing', status: '422' } };
      const { visibility, selected_repository_ids } = sent;
      this.orgSecrets.set(`${scope.org}/${scope.type}${last}`, {
        visibility,
        ...(selected_repository_ids ? { selected_repository_ids } : {})
      });
    }
    const existed = this.secrets.has(where);
    this.secrets.set(where, new TextDecoder().decode(opened));
    const now = `${new Date().toISOString().slice(0, 19)}Z`;
    this.meta.set(where, { created_at: this.meta.get(where)?.created_at ?? now, updated_at: now });
    return existed ? { status: 204 } : { status: 201, body: {} };
  }

  private keyOf(name: string): { keyPair: nacl.BoxKeyPair; keyId: string } {
    let found = this.keys.get(name);
    if (found === undefined) {
      found = { keyPair: nacl.box.keyPair(), keyId: String(568250167242549743n + BigInt(this.keys.size)) };
      this.keys.set(name, found);
    }
    return found;
  }

  /** The repository's full name as GitHub spells it (owner and name are not case-sensitive), when it exists. */
  private canonical(full: string): string | undefined {
    return Object.keys(REPOSITORY_IDS).find((name) => name.toLowerCase() === full.toLowerCase());
  }

  private renamedTo(full: string): string | undefined {
    const entry = Object.entries(this.options.renamed ?? {}).find(([old]) => old.toLowerCase() === full.toLowerCase());
    return entry?.[1];
  }
}
