import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../src/errors.js';
import { parseSettings } from '../../src/commands/settings.js';
import { TOKEN_ENV } from '../../src/inputs/defaults.js';
import { DEFAULT_BASE_URL } from '../../src/suprsend/types.js';

const base = { 'service-token': 'tok_abc123', workspace: 'staging', name: 'backend-prod' };

function parse(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const masked: string[] = [];
  const settings = parseSettings(
    (name) => inputs[name] ?? '',
    env,
    (s) => masked.push(s)
  );
  return { settings, masked };
}

function failure(inputs: Record<string, string>, env: Record<string, string> = {}): InputError {
  try {
    parse(inputs, env);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseSettings', () => {
  it('reads a create with defaults', () => {
    const { settings, masked } = parse(base);
    expect(masked).toEqual(['tok_abc123']);
    expect(settings.workspaces).toEqual({ kind: 'slugs', slugs: ['staging'] });
    expect(settings.connection).toEqual({
      token: 'tok_abc123',
      baseUrl: new URL(DEFAULT_BASE_URL),
      timeoutMs: 30_000,
      retries: 3
    });
    expect(settings.command).toEqual({
      command: 'create',
      name: 'backend-prod',
      description: undefined,
      ifExists: 'create',
      ephemeral: false,
      dryRun: false,
      secret: undefined
    });
    expect(settings.summary).toBe(true);
    expect(settings.ignoredInputs).toEqual([]);
  });

  it(`falls back to ${TOKEN_ENV} and masks it before anything else can fail`, () => {
    const masked: string[] = [];
    expect(() =>
      parseSettings(
        (n) => (({ workspace: 'bad/slug' }) as Record<string, string>)[n] ?? '',
        { [TOKEN_ENV]: 'from_env_token' },
        (s) => masked.push(s)
      )
    ).toThrow(/workspace/);
    expect(masked).toEqual(['from_env_token']);
  });

  it('prefers the input over the environment', () => {
    expect(parse(base, { [TOKEN_ENV]: 'other' }).settings.connection.token).toBe('tok_abc123');
  });

  it.each([
    [{ ...base, 'service-token': '' }, 'service-token', /SUPRSEND_SERVICE_TOKEN/],
    [{ ...base, 'service-token': 'has space' }, 'service-token', /spaces/],
    [{ ...base, workspace: '' }, 'workspace', /required/],
    [{ ...base, workspace: '../other' }, 'workspace', /letters, digits/],
    [{ ...base, workspace: 'a?b' }, 'workspace', /slug/],
    [{ ...base, workspace: 'staging,production' }, 'workspace', /takes exactly one slug for command 'create'/],
    [{ ...base, workspace: '*' }, 'workspace', /takes exactly one slug for command 'create'/],
    [{ ...base, command: 'list', workspace: '*, staging' }, 'workspace', /'\*' \(every workspace\) cannot be mixed with slugs/],
    [{ ...base, command: 'delete', name: '', 'key-id': 'ws_apik_1', workspace: 'a b' }, 'workspace', /with 'key-id'/],
    [{ ...base, command: 'renew' }, 'command', /'create', 'list', 'delete', 'rotate'/],
    [{ ...base, command: 'rotate', name: '' }, 'name', /required for command 'rotate'/],
    [{ ...base, command: 'rotate', 'if-exists': 'skip' }, 'if-exists', /does not apply to command 'rotate'/],
    [{ ...base, command: 'rotate', ephemeral: 'true' }, 'ephemeral', /does not apply to command 'rotate'/],
    [{ ...base, command: 'rotate', 'key-id': 'ws_apik_1' }, 'key-id', /does not apply to command 'rotate'/],
    [{ ...base, name: '' }, 'name', /required for command 'create'/],
    [{ ...base, name: 'a\nb' }, 'name', /control characters/],
    [{ ...base, 'base-url': 'ftp://x' }, 'base-url', /http or https/],
    [{ ...base, 'base-url': 'not a url' }, 'base-url', /http\(s\) URL/],
    [{ ...base, 'base-url': 'https://u:p@host' }, 'base-url', /user name or password/],
    [{ ...base, 'base-url': 'https://host/?a=1' }, 'base-url', /query/],
    [{ ...base, 'timeout-seconds': 'abc' }, 'timeout-seconds', /number more than 0/],
    [{ ...base, 'timeout-seconds': '0' }, 'timeout-seconds', /more than 0/],
    [{ ...base, 'timeout-seconds': '1e400' }, 'timeout-seconds', /got "1e400"/],
    [{ ...base, 'timeout-seconds': '3601' }, 'timeout-seconds', /up to 3600/],
    [{ ...base, retries: '-1' }, 'retries', /whole number from 0 to 10/],
    [{ ...base, retries: '2.5' }, 'retries', /whole number/],
    [{ ...base, retries: '11' }, 'retries', /0 to 10/],
    [{ ...base, 'if-exists': 'maybe' }, 'if-exists', /'create', 'skip', 'fail'/],
    [{ ...base, ephemeral: 'yes' }, 'ephemeral', /'true' or 'false'/],
    [
      { ...base, ephemeral: 'true', 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-repository': 'a/b' },
      'ephemeral',
      /and 'secret-name' are both set: .*dead key/
    ],
    [{ ...base, 'github-token': 'ghs_x' }, 'github-token', /only applies with 'secret-name'/],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': 'acme', 'secret-environment': 'prod' },
      'secret-environment',
      /and 'secret-organization' are both set/
    ],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': 'acme', 'secret-repository': 'a/b' },
      'secret-repository',
      /and 'secret-organization' are both set/
    ],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': 'acme', 'secret-visibility': 'selected' },
      'secret-repositories',
      /is required with 'secret-visibility: selected'/
    ],
    [
      {
        ...base,
        'secret-name': 'K',
        'github-token': 'ghs_x',
        'secret-organization': 'acme',
        'secret-repositories': 'shop',
        'secret-visibility': 'private'
      },
      'secret-repositories',
      /only applies with 'secret-visibility: selected' \(it is 'private'\)/
    ],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': 'acme', 'secret-visibility': 'public' },
      'secret-visibility',
      /'all', 'private', 'selected'/
    ],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': 'acme corp' },
      'secret-organization',
      /a GitHub organization's login/
    ],
    [{ ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-organization': '-acme' }, 'secret-organization', /login/],
    [
      { ...base, 'secret-name': 'K', 'github-token': 'ghs_x', 'secret-visibility': 'all', 'secret-repository': 'a/b' },
      'secret-visibility',
      /only applies with 'secret-organization'/
    ],
    [{ ...base, 'secret-organization': 'acme' }, 'secret-organization', /only applies with 'secret-name'/],
    [{ ...base, 'secret-environment': 'prod' }, 'secret-environment', /only applies with 'secret-name'/],
    [{ ...base, summary: '1' }, 'summary', /'true' or 'false'/],
    [{ ...base, command: 'delete', name: '' }, 'key-id', /\(or 'name', or 'older-than-days'\) is required/],
    [
      { ...base, command: 'delete', name: '', 'key-id': 'ws_apik_1', 'older-than-days': '30' },
      'key-id',
      /'older-than-days' are both set .*pick one/
    ],
    [{ ...base, command: 'delete', 'older-than-days': '0' }, 'older-than-days', /more than 0/],
    [{ ...base, command: 'delete', 'older-than-days': '90 days' }, 'older-than-days', /number/],
    [{ ...base, command: 'delete', 'dry-run': 'maybe' }, 'dry-run', /'true' or 'false'/],
    [{ ...base, command: 'delete', 'key-id': 'ws_apik_1' }, 'key-id', /pick one/],
    [{ ...base, command: 'delete', name: '', 'key-id': 'ws_apik_1/../x' }, 'key-id', /is not one/],
    [{ ...base, command: 'delete', keep: '-1' }, 'keep', /whole number/],
    [{ ...base, command: 'delete', name: '', 'key-id': 'ws_apik_1', keep: '2' }, 'keep', /by 'name' or 'older-than-days'/],
    [{ ...base, command: 'list', 'max-age-days': '0' }, 'max-age-days', /more than 0/],
    [{ ...base, command: 'list', 'fail-on-stale': 'true' }, 'fail-on-stale', /needs 'max-age-days'/],
    [{ ...base, command: 'list', 'max-age-days': 'ninety' }, 'max-age-days', /number/]
  ])('rejects %j naming %s', (inputs, input, pattern) => {
    const error = failure(inputs);
    expect(error.input).toBe(input);
    expect(error.message).toContain(`'${input}'`);
    expect(error.message).toMatch(pattern);
  });

  it('never shows a malformed token', () => {
    expect(failure({ ...base, 'service-token': 'secret\ttoken' }).message).not.toContain('secret');
  });

  it('reads numbers, booleans and a path prefix', () => {
    const { settings } = parse({
      ...base,
      'timeout-seconds': '2.5',
      retries: '0',
      summary: 'FALSE',
      'base-url': 'http://127.0.0.1:8080/suprsend/'
    });
    expect(settings.connection.timeoutMs).toBe(2500);
    expect(settings.connection.retries).toBe(0);
    expect(settings.summary).toBe(false);
    expect(settings.connection.baseUrl.pathname).toBe('/suprsend/');
  });

  it('splits key ids on commas, spaces and new lines, without duplicates', () => {
    const { settings } = parse({ ...base, command: 'delete', name: '', 'key-id': 'ws_apik_a, ws_apik_b\nws_apik_c ws_apik_a' });
    expect(settings.command).toEqual({
      command: 'delete',
      selection: { by: 'id', keyIds: ['ws_apik_a', 'ws_apik_b', 'ws_apik_c'] },
      dryRun: false
    });
  });

  it('reads an organization secret: visibility, selected repositories (with or without the org prefix)', () => {
    const { settings } = parse({
      ...base,
      'secret-name': 'K',
      'github-token': 'ghs_x',
      'secret-organization': 'acme',
      'secret-visibility': 'selected',
      'secret-repositories': 'shop, acme/api\nweb'
    });
    expect(settings.command).toMatchObject({
      secret: { name: 'K', scope: { kind: 'organization', org: 'acme', visibility: 'selected', repositories: ['shop', 'api', 'web'] } }
    });
  });

  it('reads several workspaces (each once, in order) or every one, for list and delete by filter', () => {
    expect(parse({ ...base, command: 'list', workspace: 'staging, production\nstaging eu-1' }).settings.workspaces).toEqual({
      kind: 'slugs',
      slugs: ['staging', 'production', 'eu-1']
    });
    expect(parse({ ...base, command: 'delete', workspace: '*', 'older-than-days': '90' }).settings.workspaces).toEqual({ kind: 'all' });
  });

  it('reads a rotate: keep is 1 (the new key) unless set', () => {
    const rotate = (extra: Record<string, string>) => parse({ ...base, command: 'rotate', ...extra }).settings.command;
    expect(rotate({ keep: '2' })).toEqual({
      command: 'rotate',
      name: 'backend-prod',
      description: undefined,
      keep: 2,
      graceMs: 0,
      dryRun: false,
      hubUrl: new URL('https://hub.suprsend.com'),
      secret: undefined
    });
    expect(rotate({ 'grace-period': '7d' })).toMatchObject({ keep: 1, graceMs: 7 * 86_400_000 });
    expect(() => rotate({})).toThrow(/^Input 'secret-name': is required for command 'rotate' unless the older keys outlive this job/);
    expect(rotate({ keep: '2', 'dry-run': 'true', 'verify-key': 'false' })).toMatchObject({ keep: 2, dryRun: true, hubUrl: undefined });
    expect(() => rotate({ keep: '2', 'grace-period': '1w' })).toThrow(
      /^Input 'grace-period': must be a whole number of minutes, hours or days/
    );
    expect(() => rotate({ keep: '0' })).toThrow(/Input 'keep': must be 1 or more for command 'rotate': the new key is always kept/);
  });

  it('reads a delete by filter: name and/or age, keep, dry run', () => {
    const filter = (extra: Record<string, string>) => parse({ ...base, command: 'delete', ...extra }).settings.command;
    expect(filter({ name: '', 'older-than-days': '90', keep: '1', 'dry-run': 'true' })).toEqual({
      command: 'delete',
      selection: { by: 'filter', name: undefined, olderThanDays: 90, keep: 1, keepSet: true, graceMs: 0 },
      dryRun: true
    });
    // Unset, keep is 1 for a cleanup by age (a name keeps its last key), 0 for a delete by name alone.
    expect(filter({ 'older-than-days': '0.5' })).toMatchObject({
      selection: { name: 'backend-prod', olderThanDays: 0.5, keep: 1, keepSet: false }
    });
    expect(filter({ 'older-than-days': '0.5', keep: '0' })).toMatchObject({ selection: { keep: 0, keepSet: true } });
    expect(filter({})).toMatchObject({ selection: { by: 'filter', name: 'backend-prod', olderThanDays: undefined, keep: 0 } });
  });

  it('warns about inputs another command uses that cannot change what it touches, but not about defaults the runner passes', () => {
    const runnerDefaults = { summary: 'true', retries: '3', 'timeout-seconds': '30', 'base-url': DEFAULT_BASE_URL };
    expect(parse({ ...base, ...runnerDefaults, command: 'list', name: '' }).settings.ignoredInputs).toEqual([]);
    expect(parse({ ...base, command: 'list', description: 'x' }).settings.ignoredInputs).toEqual(['description']);
  });

  it.each([
    [
      'delete',
      { 'max-age-days': '365' },
      'max-age-days',
      /does not apply to command 'delete'; to disable keys by age, use 'older-than-days'\. It is read by command 'list'/
    ],
    [
      'rotate',
      { 'older-than-days': '365' },
      'older-than-days',
      /does not apply to command 'rotate'; a rotation disables the older keys of 'name' beyond 'keep', whatever their age/
    ],
    ['list', { keep: '2' }, 'keep', /does not apply to command 'list'\. It is read by commands 'delete' and 'rotate'/],
    ['list', { 'dry-run': 'false' }, 'dry-run', /does not apply to command 'list' without 'issue: true': a listing changes nothing/],
    ['create', { issue: 'true' }, 'issue', /does not apply to command 'create'\. It is read by command 'list'/],
    ['create', { 'include-deleted': 'true' }, 'include-deleted', /does not apply to command 'create'\. It is read by command 'list'/],
    ['delete', { 'key-id': 'ws_apik_1', name: '', keep: '0' }, 'keep', /only applies to command 'delete' by 'name' or 'older-than-days'/]
  ])('a guard input %s does not read is an input error, never ignored: %j', (command, extra, input, pattern) => {
    expect(() => parse({ ...base, command, ...extra })).toThrow(new RegExp(`^Input '${input}': ${pattern.source}`));
  });
});
