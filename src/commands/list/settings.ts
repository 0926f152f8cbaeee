import { InputError } from '../../errors.js';
import { readIssueTarget } from '../../github/issue-target.js';
import type { IssueTarget } from '../../github/target.js';
import { boolean, decimal, type InputReader } from '../../inputs/read.js';
import { keyName } from '../../inputs/rules.js';
import type { Env } from '../command.js';

export const LIST_INPUTS = [
  'name',
  'include-deleted',
  'max-age-days',
  'fail-on-stale',
  'issue',
  'issue-title',
  'github-token',
  'dry-run'
] as const;

export interface ListSettings {
  command: 'list';
  name: string | undefined;
  includeDeleted: boolean;
  maxAgeDays: number | undefined;
  failOnStale: boolean;
  /** The tracking issue ('issue: true'), written after the outputs. */
  issue: IssueTarget | undefined;
  /** With 'issue': say what would be done to the issue, and write nothing. */
  dryRun: boolean;
  /** 'github-token' given without 'issue: true': it does nothing, worth a warning. */
  unusedGitHubToken: boolean;
}

/** When a key is stale ('max-age-days'), and whether stale keys fail the step ('fail-on-stale', which needs it). */
export function readStaleRule(read: InputReader['read']): { maxAgeDays: number | undefined; failOnStale: boolean } {
  const maxAgeDays = read('max-age-days') === '' ? undefined : decimal(read, 'max-age-days', { min: 0, minExclusive: true, max: 36500 });
  const failOnStale = boolean(read, 'fail-on-stale');
  if (failOnStale && maxAgeDays === undefined) {
    throw new InputError(
      'fail-on-stale',
      "needs 'max-age-days': without it no key is ever stale. Set how many days old makes a key stale, e.g. 90."
    );
  }
  return { maxAgeDays, failOnStale };
}

export function parseList(input: InputReader, env: Env): ListSettings {
  const { read, isSet } = input;
  const { maxAgeDays, failOnStale } = readStaleRule(read);
  const issue = readIssueTarget(input, env, maxAgeDays);
  if (issue === undefined && isSet('dry-run')) {
    throw new InputError(
      'dry-run',
      "does not apply to command 'list' without 'issue: true': a listing changes nothing. It is read by commands 'create', 'delete' and 'rotate', and by 'list' with 'issue: true' (what would be done to the issue): remove it here."
    );
  }
  return {
    command: 'list',
    name: keyName(read),
    includeDeleted: boolean(read, 'include-deleted'),
    maxAgeDays,
    failOnStale,
    issue,
    dryRun: boolean(read, 'dry-run'),
    unusedGitHubToken: issue === undefined && read('github-token') !== ''
  };
}
