/** The settings of `list` with 'key-type: all': one audit of every kind of credential, in every covered workspace. */
import type { InputReader } from '../../inputs/read.js';
import { readStaleRule, type ListSettings } from '../list/settings.js';

export const ALL_LIST_INPUTS = ['max-age-days', 'fail-on-stale'] as const;

export interface AllListSettings {
  command: 'list';
  keyType: 'all';
  maxAgeDays: number | undefined;
  failOnStale: boolean;
}

export function parseAllList({ read }: InputReader): AllListSettings {
  return { command: 'list', keyType: 'all', ...readStaleRule(read) };
}

/** The API-key listing inside it: every active key of every name, no tracking issue. */
export function apiKeyListing(settings: AllListSettings): ListSettings {
  return {
    command: 'list',
    name: undefined,
    includeDeleted: false,
    maxAgeDays: settings.maxAgeDays,
    failOnStale: settings.failOnStale,
    issue: undefined,
    dryRun: false,
    unusedGitHubToken: false
  };
}
