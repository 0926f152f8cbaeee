/**
 * Every input, read and validated in one place into one typed object. Nothing
 * else reads inputs. Pure: it gets input values through `read` and the process
 * environment through `env`, so it tests without a runner.
 */
import { InputError } from './errors.js';
import { isPathSegment } from './ids.js';

export const COMMANDS = ['create', 'list', 'delete'] as const;
export type Command = (typeof COMMANDS)[number];

export const IF_EXISTS = ['create', 'skip', 'fail'] as const;
export type IfExists = (typeof IF_EXISTS)[number];

export const DEFAULT_BASE_URL = 'https://management-api.suprsend.com';
export const TOKEN_ENV = 'SUPRSEND_SERVICE_TOKEN';

/**
 * Input defaults, as action.yml declares them (a test keeps the two equal). The
 * runner passes a default like a value the user set, so an input counts as set only
 * when it differs from its default.
 */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  command: 'create',
  'base-url': DEFAULT_BASE_URL,
  'timeout-seconds': '30',
  retries: '3',
  keep: '0',
  'if-exists': 'create',
  ephemeral: 'false',
  'include-deleted': 'false',
  'fail-on-stale': 'false',
  summary: 'true'
};

/** How to reach SuprSend: shared by every command. */
export interface Connection {
  token: string;
  workspace: string;
  baseUrl: URL;
  timeoutMs: number;
  retries: number;
}

/** Where to store a created key as a GitHub Actions secret. */
export interface SecretTarget {
  name: string;
  owner: string;
  repo: string;
  /** An environment secret of this environment; a repository secret when undefined. */
  environment: string | undefined;
  githubToken: string;
  /** GITHUB_API_URL, so GitHub Enterprise Server works. */
  apiUrl: string;
}

export interface CreateSettings {
  command: 'create';
  name: string;
  /** Undefined when the input is empty: the command then describes the key's origin. */
  description: string | undefined;
  ifExists: IfExists;
  ephemeral: boolean;
  secret: SecretTarget | undefined;
}

export interface ListSettings {
  command: 'list';
  name: string | undefined;
  includeDeleted: boolean;
  maxAgeDays: number | undefined;
  failOnStale: boolean;
}

export interface DeleteSettings {
  command: 'delete';
  keyIds: string[];
  name: string | undefined;
  keep: number;
}

export type CommandSettings = CreateSettings | ListSettings | DeleteSettings;

export interface Settings {
  connection: Connection;
  command: CommandSettings;
  summary: boolean;
  /** Inputs that were set but mean nothing to this command: worth a warning. */
  ignoredInputs: string[];
}

/** Reads one input as the runner passes it (already trimmed); '' when unset. */
export type ReadInput = (name: string) => string;

/** Inputs that only some commands use, with the commands that use them. */
const COMMAND_INPUTS: Record<string, readonly Command[]> = {
  name: ['create', 'list', 'delete'],
  description: ['create'],
  'if-exists': ['create'],
  ephemeral: ['create'],
  'include-deleted': ['list'],
  'max-age-days': ['list'],
  'fail-on-stale': ['list'],
  'key-id': ['delete'],
  keep: ['delete'],
  'github-token': ['create'],
  'secret-name': ['create'],
  'secret-environment': ['create'],
  'secret-repository': ['create']
};

// Matching control characters is the point of these two.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS_BUT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Reads and validates every input. `onSecret` is called with the service token
 * the moment it is read, before anything else can fail and print.
 */
export function parseSettings(readRaw: ReadInput, env: Record<string, string | undefined>, onSecret: (secret: string) => void): Settings {
  const token = readToken(readRaw, env);
  onSecret(token);
  const githubToken = readRaw('github-token');
  if (githubToken !== '') {
    onSecret(githubToken);
    checkTokenShape('github-token', githubToken);
  }
  const isSet = (input: string): boolean => readRaw(input) !== '' && readRaw(input) !== INPUT_DEFAULTS[input];
  const read = withDefaults(readRaw);

  const command = oneOf(read, 'command', COMMANDS);
  const connection: Connection = {
    token,
    workspace: workspaceSlug(read('workspace')),
    baseUrl: baseUrl(read('base-url')),
    timeoutMs: Math.round(decimal(read, 'timeout-seconds', { min: 0, minExclusive: true, max: 3600 }) * 1000),
    retries: integer(read, 'retries', { max: 10 })
  };
  return {
    connection,
    command: commandSettings(command, read, isSet, () => secretTarget(read, env, githubToken)),
    summary: boolean(read, 'summary'),
    ignoredInputs: Object.keys(COMMAND_INPUTS).filter((input) => isSet(input) && !(COMMAND_INPUTS[input] ?? []).includes(command))
  };
}

/** Reads an input, or its default when it is empty. */
function withDefaults(read: ReadInput): ReadInput {
  return (input) => read(input) || (INPUT_DEFAULTS[input] ?? '');
}

function commandSettings(
  command: Command,
  read: ReadInput,
  isSet: (input: string) => boolean,
  secret: () => SecretTarget | undefined
): CommandSettings {
  switch (command) {
    case 'create': {
      const name = keyName(read);
      if (name === undefined) {
        throw new InputError('name', "is required for command 'create': the name the new key gets in SuprSend, e.g. backend-prod.");
      }
      return {
        command,
        name,
        description: description(read),
        ifExists: oneOf(read, 'if-exists', IF_EXISTS),
        ephemeral: boolean(read, 'ephemeral'),
        secret: secret()
      };
    }
    case 'list': {
      const maxAgeDays =
        read('max-age-days') === '' ? undefined : decimal(read, 'max-age-days', { min: 0, minExclusive: true, max: 36500 });
      const failOnStale = boolean(read, 'fail-on-stale');
      if (failOnStale && maxAgeDays === undefined) {
        throw new InputError(
          'fail-on-stale',
          "needs 'max-age-days': without it no key is ever stale. Set how many days old makes a key stale, e.g. 90."
        );
      }
      return { command, name: keyName(read), includeDeleted: boolean(read, 'include-deleted'), maxAgeDays, failOnStale };
    }
    case 'delete': {
      const keyIds = keyIdList(read('key-id'));
      const name = keyName(read);
      if (keyIds.length > 0 && name !== undefined) {
        throw new InputError(
          'key-id',
          "and 'name' are both set for command 'delete': pick one, the ids of the keys to disable or the name whose keys to disable."
        );
      }
      if (keyIds.length === 0 && name === undefined) {
        throw new InputError(
          'key-id',
          "or 'name' is required for command 'delete': give the ids of the keys to disable (ws_apik_…), or the name whose active keys to disable."
        );
      }
      const keep = integer(read, 'keep', { max: 1_000_000 });
      if (keyIds.length > 0 && isSet('keep')) {
        throw new InputError('keep', "only applies to command 'delete' by 'name'; remove it, or disable by 'name' instead of 'key-id'.");
      }
      return { command, keyIds, name, keep };
    }
  }
}

/** GitHub's rules for secret names: letters, digits, underscores; not starting with a digit or GITHUB_. */
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** owner/repo as GitHub allows them. */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

function secretTarget(read: ReadInput, env: Record<string, string | undefined>, githubToken: string): SecretTarget | undefined {
  const name = read('secret-name');
  if (name === '') {
    for (const input of ['secret-environment', 'secret-repository']) {
      if (read(input) !== '') throw new InputError(input, "only applies with 'secret-name': set the secret's name too, or remove it.");
    }
    return undefined;
  }
  if (!SECRET_NAME.test(name) || /^GITHUB_/i.test(name)) {
    throw new InputError(
      'secret-name',
      `must be letters, digits and underscores, not starting with a digit or GITHUB_ (e.g. SUPRSEND_API_KEY), got ${quote(name)}.`
    );
  }
  if (githubToken === '') {
    throw new InputError(
      'github-token',
      "is required with 'secret-name': a fine-grained token or GitHub App token allowed to write Actions secrets (the workflow's GITHUB_TOKEN cannot)."
    );
  }
  const repository = read('secret-repository') || (env.GITHUB_REPOSITORY ?? '');
  if (repository === '')
    throw new InputError('secret-repository', 'is required outside GitHub Actions (GITHUB_REPOSITORY is not set): give owner/repo.');
  const [, owner, repo] = REPOSITORY.exec(repository) ?? [];
  if (owner === undefined || repo === undefined) {
    throw new InputError('secret-repository', `must be owner/repo, e.g. acme/shop, got ${quote(repository)}.`);
  }
  const environment = read('secret-environment');
  if (CONTROL_CHARS.test(environment) || environment.length > 255) {
    throw new InputError(
      'secret-environment',
      `must be an environment name of at most 255 characters without control characters, got ${quote(environment)}.`
    );
  }
  return {
    name,
    owner,
    repo,
    environment: environment === '' ? undefined : environment,
    githubToken,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  };
}

function readToken(read: ReadInput, env: Record<string, string | undefined>): string {
  const token = read('service-token') || (env[TOKEN_ENV] ?? '').trim();
  if (token === '') {
    throw new InputError(
      'service-token',
      `is required: pass a SuprSend service token, e.g. \`service-token: \${{ secrets.SUPRSEND_SERVICE_TOKEN }}\`, or set the ${TOKEN_ENV} environment variable. Create one in the SuprSend dashboard under Account Settings → Service Tokens.`
    );
  }
  checkTokenShape('service-token', token);
  return token;
}

/** A token goes into an HTTP header: printable ASCII without spaces. Never shows the value. */
function checkTokenShape(input: string, token: string): void {
  if (!/^[\u0021-\u007e]+$/.test(token)) {
    throw new InputError(input, 'contains spaces, line breaks or characters outside printable ASCII; copy the token again without them.');
  }
}

function workspaceSlug(value: string): string {
  if (value === '') {
    throw new InputError('workspace', 'is required: the slug of the SuprSend workspace, e.g. staging or production.');
  }
  if (!isPathSegment(value)) {
    throw new InputError('workspace', `must be a workspace slug of letters, digits, '-' and '_' (e.g. staging), got ${quote(value)}.`);
  }
  return value;
}

function baseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError('base-url', `must be an http(s) URL such as ${DEFAULT_BASE_URL}, got ${quote(value)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('base-url', `must use http or https, got ${quote(url.protocol)} in ${quote(value)}.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('base-url', 'must not contain a user name or password; the service token is the only credential sent.');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new InputError(
      'base-url',
      `must not have a query or fragment, got ${quote(value)}; give only the API root, e.g. ${DEFAULT_BASE_URL}.`
    );
  }
  return url;
}

function keyName(read: ReadInput): string | undefined {
  const value = read('name');
  if (value === '') return undefined;
  if (CONTROL_CHARS.test(value)) {
    throw new InputError('name', `must be one line without control characters, got ${quote(value)}.`);
  }
  return value;
}

function description(read: ReadInput): string | undefined {
  const value = read('description');
  if (value === '') return undefined;
  if (CONTROL_CHARS_BUT_NEWLINES.test(value)) {
    throw new InputError('description', 'must not contain control characters other than line breaks and tabs.');
  }
  return value;
}

function keyIdList(value: string): string[] {
  const ids = value.split(/[\s,]+/).filter((id) => id !== '');
  for (const id of ids) {
    if (!isPathSegment(id)) {
      throw new InputError(
        'key-id',
        `must be key ids such as ws_apik_1a2b3c (letters, digits, '-', '_'), separated by commas, spaces or new lines; ${quote(id)} is not one.`
      );
    }
  }
  return [...new Set(ids)];
}

function oneOf<T extends string>(read: ReadInput, input: string, allowed: readonly T[]): T {
  const value = read(input);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(input, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${quote(value)}.`);
  }
  return value as T;
}

function boolean(read: ReadInput, input: string): boolean {
  const value = read(input);
  // The YAML 1.2 core schema spellings, as core.getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new InputError(input, `must be 'true' or 'false', got ${quote(value)}.`);
}

function integer(read: ReadInput, input: string, range: { max: number }): number {
  const value = read(input);
  if (!/^\d+$/.test(value) || Number(value) > range.max) {
    throw new InputError(input, `must be a whole number from 0 to ${range.max}, got ${quote(value)}.`);
  }
  return Number(value);
}

function decimal(read: ReadInput, input: string, range: { min: number; minExclusive: boolean; max: number }): number {
  const value = read(input);
  const n = Number(value);
  const inRange = range.minExclusive ? n > range.min : n >= range.min;
  if (!/^\d+(\.\d+)?$/.test(value) || !inRange || n > range.max) {
    const lowest = range.minExclusive ? `more than ${range.min}` : `from ${range.min}`;
    throw new InputError(
      input,
      `must be a number ${lowest} up to ${range.max} (digits and an optional decimal point, e.g. 30 or 2.5), got ${quote(value)}.`
    );
  }
  return n;
}

/** Shows a user's value in an error: JSON-quoted so control characters are visible, and cut when long. */
export function quote(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}
