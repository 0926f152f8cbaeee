/**
 * The fake GitHub's Actions variables (repository, environment and organization), answered as
 * GitHub's description says (the contract test checks them): listed and paged, read one by one
 * (its value, dates and, in an organization, its visibility), created with POST (201; 409 when the
 * name is taken), updated with PATCH (204; 404 when there is none). Names are not case-sensitive:
 * GitHub keeps them upper-case. An organization variable's selected repositories are listed as a
 * secret's are.
 */
import type { Answer } from './fake-github-world.js';

export interface FakeVariable {
  name: string;
  value: string;
  created_at: string;
  updated_at: string;
  visibility?: string;
  selected_repository_ids?: number[];
}

const stamp = (): string => `${new Date().toISOString().slice(0, 19)}Z`;
const notFound: Answer = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
const invalid = (why: string): Answer => ({ status: 422, body: { message: `Invalid request.\n\n${why}`, status: '422' } });

export class VariableBoard {
  /** Every variable, by its scope's prefix and upper-case name: "acme/shop/NAME", "acme/shop/env:prod/NAME", "org:acme/NAME". */
  readonly all = new Map<string, FakeVariable>();

  /** A variable as if written before the test (by hand, or by another tool). */
  seed(key: string, value: string, org?: { visibility: string; selected?: number[] }): void {
    const at = '2026-01-01T00:00:00Z';
    const name = key.slice(key.lastIndexOf('/') + 1).toUpperCase();
    this.all.set(key.slice(0, key.lastIndexOf('/') + 1) + name, {
      name,
      value,
      created_at: at,
      updated_at: at,
      ...(org === undefined ? {} : { visibility: org.visibility, selected_repository_ids: org.selected ?? [] })
    });
  }

  /**
   * The answer for `rest`, the path below a scope's `variables` ([], [name], [name, 'repositories']);
   * `prefix` names the scope, `org` is set for an organization's, `names` maps repository ids to names.
   */
  answer(
    method: string,
    prefix: string,
    org: string | undefined,
    rest: string[],
    body: string,
    query: URLSearchParams,
    names: (id: number) => string
  ): Answer {
    if (rest.length === 0) {
      if (method === 'GET') return this.list(prefix, org, query);
      return method === 'POST' ? this.create(prefix, org, body) : notFound;
    }
    const key = `${prefix}${rest[0]!.toUpperCase()}`;
    const found = this.all.get(key);
    if (rest.length === 2 && rest[1] === 'repositories' && method === 'GET' && org !== undefined) {
      if (found === undefined) return notFound;
      const ids = found.selected_repository_ids ?? [];
      const perPage = Number(query.get('per_page') ?? 30);
      const page = Number(query.get('page') ?? 1);
      const repositories = ids
        .slice((page - 1) * perPage, page * perPage)
        .map((id) => ({ id, name: names(id).split('/')[1], full_name: names(id) }));
      return { status: 200, body: { total_count: ids.length, repositories } };
    }
    if (rest.length !== 1 || found === undefined) return notFound;
    if (method === 'GET') return { status: 200, body: this.shown(found, org) };
    if (method !== 'PATCH') return notFound;
    const sent = JSON.parse(body) as Partial<FakeVariable>;
    if (typeof sent.value === 'string') found.value = sent.value;
    if (org !== undefined && sent.visibility !== undefined) {
      found.visibility = sent.visibility;
      found.selected_repository_ids = sent.selected_repository_ids ?? [];
    }
    found.updated_at = stamp();
    return { status: 204 };
  }

  private list(prefix: string, org: string | undefined, query: URLSearchParams): Answer {
    const inScope = [...this.all.entries()].filter(([key]) => key.slice(0, key.lastIndexOf('/') + 1) === prefix).map(([, v]) => v);
    const perPage = Number(query.get('per_page') ?? 10);
    const page = Number(query.get('page') ?? 1);
    const variables = inScope.slice((page - 1) * perPage, page * perPage).map((v) => this.shown(v, org));
    return { status: 200, body: { total_count: inScope.length, variables } };
  }

  private create(prefix: string, org: string | undefined, body: string): Answer {
    const sent = JSON.parse(body) as Partial<FakeVariable>;
    if (typeof sent.name !== 'string' || typeof sent.value !== 'string') return invalid('name and value are required');
    if (org !== undefined && sent.visibility === undefined) return invalid('visibility is missing');
    const name = sent.name.toUpperCase();
    if (this.all.has(`${prefix}${name}`))
      return { status: 409, body: { message: 'Already exists - Variable already exists', status: '409' } };
    const at = stamp();
    this.all.set(`${prefix}${name}`, {
      name,
      value: sent.value,
      created_at: at,
      updated_at: at,
      ...(org === undefined ? {} : { visibility: sent.visibility!, selected_repository_ids: sent.selected_repository_ids ?? [] })
    });
    return { status: 201, body: {} };
  }

  private shown(v: FakeVariable, org: string | undefined): Record<string, unknown> {
    const base = { name: v.name, value: v.value, created_at: v.created_at, updated_at: v.updated_at };
    if (org === undefined) return base;
    return {
      ...base,
      visibility: v.visibility,
      ...(v.visibility === 'selected'
        ? { selected_repositories_url: `https://api.github.test/orgs/${org}/actions/variables/${v.name}/repositories` }
        : {})
    };
  }
}
