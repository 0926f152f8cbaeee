/** How to reach SuprSend, from the inputs every command shares: token, workspace, base URL, deadline, retries. */
import { InputError } from '../errors.js';
import { isPathSegment } from '../suprsend/ids.js';
import { DEFAULT_BASE_URL, type Connection } from '../suprsend/types.js';
import { DEFAULT_HUB_URL, TOKEN_ENV } from './defaults.js';
import { boolean, decimal, integer, list, type InputReader, type ReadInput } from './read.js';
import { checkTokenShape, maskCredential } from './rules.js';
import { quoted } from '../text.js';

/** The inputs every command reads. */
export const CONNECTION_INPUTS = ['service-token', 'workspace', 'base-url', 'hub-url', 'timeout-seconds', 'retries'] as const;

/**
 * The service token, from the input or SUPRSEND_SERVICE_TOKEN. `mask` gets it the
 * moment it is read, every line of it, before its shape is checked or anything can fail.
 */
export function readServiceToken(raw: ReadInput, env: Record<string, string | undefined>, mask: (secret: string) => void): string {
  const token = raw('service-token') || (env[TOKEN_ENV] ?? '').trim();
  if (token === '') {
    throw new InputError(
      'service-token',
      `is required: pass a SuprSend service token, e.g. \`service-token: \${{ secrets.SUPRSEND_SERVICE_TOKEN }}\`, or set the ${TOKEN_ENV} environment variable. Create one in the SuprSend dashboard under Account Settings → Service Tokens.`
    );
  }
  maskCredential(token, mask);
  checkTokenShape('service-token', token);
  return token;
}

/** The workspaces a step covers: the slugs given (each once, in order), or every workspace of the account. */
export type WorkspaceSelection = { kind: 'slugs'; slugs: string[] } | { kind: 'all' };

export function readWorkspaces(read: ReadInput): WorkspaceSelection {
  const value = read('workspace');
  if (value === '') {
    throw new InputError(
      'workspace',
      "is required: the slug of the SuprSend workspace, e.g. staging or production (several, or '*', for list and delete)."
    );
  }
  const given = list(value);
  if (given.includes('*')) {
    if (given.length > 1) throw new InputError('workspace', `'*' (every workspace) cannot be mixed with slugs, got ${quoted(value)}.`);
    return { kind: 'all' };
  }
  return { kind: 'slugs', slugs: given.map(workspaceSlug) };
}

export function readConnection(input: InputReader, token: string): Connection {
  const { read } = input;
  return {
    token,
    baseUrl: baseUrl(read('base-url')),
    timeoutMs: Math.round(decimal(read, 'timeout-seconds', { min: 0, minExclusive: true, max: 3600 }) * 1000),
    retries: integer(read, 'retries', { max: 10 })
  };
}

function workspaceSlug(value: string): string {
  if (!isPathSegment(value)) {
    throw new InputError('workspace', `must be a workspace slug of letters, digits, '-' and '_' (e.g. staging), got ${quoted(value)}.`);
  }
  return value;
}

function baseUrl(value: string): URL {
  return apiRoot('base-url', value, DEFAULT_BASE_URL);
}

/** The root of an API, from an input: http(s), no credentials, no query or fragment. */
export function apiRoot(input: string, value: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, `must be an http(s) URL such as ${example}, got ${quoted(value)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, `must use http or https, got ${quoted(url.protocol)} in ${quoted(value)}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(input, 'must not contain a user name or password; the action sends its own credentials.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(input, `must not have a query or fragment, got ${quoted(value)}; give only the API root, e.g. ${example}.`);
  }
  return url;
}

/** The input that turns the new-key check against SuprSend's hub on or off ('hub-url', where the hub is, is a connection input). */
export const KEY_CHECK_INPUTS = ['verify-key'] as const;

/**
 * Whether to check a new key against the hub before it is stored, and where the hub is: undefined
 * when not. Unset, 'verify-key' means `onByDefault` (a rotation checks, a plain create does not).
 */
export function readKeyCheck({ read, isSet }: InputReader, onByDefault: boolean): URL | undefined {
  const on = isSet('verify-key') ? boolean(read, 'verify-key') : onByDefault;
  return on ? apiRoot('hub-url', read('hub-url'), DEFAULT_HUB_URL) : undefined;
}
