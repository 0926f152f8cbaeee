/**
 * The fake GitHub's issues, per repository, answered as GitHub's description says (the contract
 * test checks them): the open ones listed newest first and paged (pull requests among them, as the
 * issues API lists them), opened (201), edited and closed (200), commented on (201). A repository
 * may have issues turned off (410), or a token that may read issues but not write them (403, as
 * the workflow's GITHUB_TOKEN without `issues: write` gets).
 */
import type { Answer } from './fake-github-world.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  comments: string[];
  pull_request?: true;
  created_at: string;
  updated_at: string;
}

export interface IssueOptions {
  /** Repositories ("acme/shop") whose issues are turned off: 410. */
  issuesDisabled?: string[];
  /** Repositories where the token may read issues but not write them: 403 on every write. */
  issuesReadOnly?: string[];
}

const USER = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.test/users/github-actions%5Bbot%5D',
  html_url: 'https://github.test/apps/github-actions',
  followers_url: 'https://api.github.test/users/x/followers',
  following_url: 'https://api.github.test/users/x/following{/other_user}',
  gists_url: 'https://api.github.test/users/x/gists{/gist_id}',
  starred_url: 'https://api.github.test/users/x/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.test/users/x/subscriptions',
  organizations_url: 'https://api.github.test/users/x/orgs',
  repos_url: 'https://api.github.test/users/x/repos',
  events_url: 'https://api.github.test/users/x/events{/privacy}',
  received_events_url: 'https://api.github.test/users/x/received_events',
  type: 'Bot',
  site_admin: false
};

const stamp = (): string => `${new Date().toISOString().slice(0, 19)}Z`;

export class IssueBoard {
  /** Every repository's issues (and pull requests), by "owner/repo", in the order they were made. */
  readonly byRepository = new Map<string, FakeIssue[]>();

  constructor(private readonly options: IssueOptions = {}) {}

  /** The issues of a repository, made on first use. */
  of(repository: string): FakeIssue[] {
    let list = this.byRepository.get(repository);
    if (list === undefined) {
      list = [];
      this.byRepository.set(repository, list);
    }
    return list;
  }

  /** An issue or pull request that exists before the step runs. */
  seed(repository: string, fields: Partial<FakeIssue> & { title: string; body: string }): FakeIssue {
    const list = this.of(repository);
    const issue: FakeIssue = {
      number: list.length + 1,
      state: 'open',
      state_reason: null,
      comments: [],
      created_at: stamp(),
      updated_at: stamp(),
      ...fields
    };
    list.push(issue);
    return issue;
  }

  open(repository: string): FakeIssue[] {
    return this.of(repository).filter((i) => i.state === 'open' && i.pull_request === undefined);
  }

  /** `rest`: the path's segments after /repos/{owner}/{repo}/issues. */
  answer(method: string, repository: string, rest: string[], body: string, query: URLSearchParams): Answer {
    if (this.options.issuesDisabled?.includes(repository)) {
      return {
        status: 410,
        body: { message: 'Issues are disabled for this repo', documentation_url: 'https://docs.github.com/rest', status: '410' }
      };
    }
    if (method !== 'GET' && this.options.issuesReadOnly?.includes(repository)) {
      return {
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }
      };
    }
    const list = this.of(repository);
    const sent = body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
    if (rest.length === 0 && method === 'GET') {
      const state = query.get('state') ?? 'open';
      const perPage = Number(query.get('per_page') ?? 30);
      const page = Number(query.get('page') ?? 1);
      const shown = list.filter((i) => state === 'all' || i.state === state).reverse();
      return { status: 200, body: shown.slice((page - 1) * perPage, page * perPage).map((i) => this.json(repository, i)) };
    }
    if (rest.length === 0 && method === 'POST') {
      if (typeof sent.title !== 'string' || sent.title === '') return invalid('title is missing');
      if (typeof sent.body === 'string' && sent.body.length > 65_536) return invalid('body is too long (maximum is 65536 characters)');
      const issue = this.seed(repository, { title: sent.title, body: typeof sent.body === 'string' ? sent.body : '' });
      return {
        status: 201,
        body: this.json(repository, issue),
        headers: { location: `https://api.github.test/repos/${repository}/issues/${issue.number}` }
      };
    }
    const issue = list.find((i) => String(i.number) === rest[0]);
    if (issue === undefined)
      return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
    if (rest.length === 1 && method === 'PATCH') {
      if (typeof sent.body === 'string') {
        if (sent.body.length > 65_536) return invalid('body is too long (maximum is 65536 characters)');
        issue.body = sent.body;
      }
      if (typeof sent.title === 'string') issue.title = sent.title;
      if (sent.state === 'closed' || sent.state === 'open') {
        issue.state = sent.state;
        issue.state_reason =
          sent.state === 'closed' ? (typeof sent.state_reason === 'string' ? sent.state_reason : 'completed') : 'reopened';
      }
      issue.updated_at = stamp();
      return { status: 200, body: this.json(repository, issue) };
    }
    if (rest.length === 2 && rest[1] === 'comments' && method === 'POST') {
      if (typeof sent.body !== 'string' || sent.body === '') return invalid('body is missing');
      issue.comments.push(sent.body);
      const id = 1000 + issue.comments.length;
      const url = `https://api.github.test/repos/${repository}/issues/comments/${id}`;
      return {
        status: 201,
        body: {
          id,
          node_id: `IC_${id}`,
          url,
          html_url: `https://github.test/${repository}/issues/${issue.number}#issuecomment-${id}`,
          issue_url: `https://api.github.test/repos/${repository}/issues/${issue.number}`,
          body: sent.body,
          user: USER,
          created_at: stamp(),
          updated_at: stamp(),
          author_association: 'NONE'
        },
        headers: { location: url }
      };
    }
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
  }

  private json(repository: string, issue: FakeIssue): Record<string, unknown> {
    const url = `https://api.github.test/repos/${repository}/issues/${issue.number}`;
    return {
      id: 9_000_000 + issue.number,
      node_id: `I_${issue.number}`,
      url,
      repository_url: `https://api.github.test/repos/${repository}`,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `https://github.test/${repository}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.state_reason,
      title: issue.title,
      body: issue.body,
      user: USER,
      labels: [],
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: issue.comments.length,
      closed_at: issue.state === 'closed' ? issue.updated_at : null,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      author_association: 'NONE',
      ...(issue.pull_request
        ? {
            pull_request: {
              url: `https://api.github.test/repos/${repository}/pulls/${issue.number}`,
              html_url: `https://github.test/${repository}/pull/${issue.number}`,
              diff_url: null,
              patch_url: null
            }
          }
        : {})
    };
  }
}

function invalid(message: string): Answer {
  return {
    status: 422,
    body: { message: `Validation Failed: ${message}`, documentation_url: 'https://docs.github.com/rest', status: '422' }
  };
}
