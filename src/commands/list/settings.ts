import { InputError } from '../../errors.js';
import { boolean, decimal, type InputReader } from '../../inputs/read.js';
import { keyName } from '../../inputs/rules.js';

export const LIST_INPUTS = ['name', 'include-deleted', 'max-age-days', 'fail-on-stale'] as const;

export interface ListSettings {
  command: 'list';
  name: string | undefined;
  includeDeleted: boolean;
  maxAgeDays: number | undefined;
  failOnStale: boolean;
}

export function parseList({ read }: InputReader): ListSettings {
  const maxAgeDays = read('max-age-days') === '' ? undefined : decimal(read, 'max-age-days', { min: 0, minExclusive: true, max: 36500 });
  const failOnStale = boolean(read, 'fail-on-stale');
  if (failOnStale && maxAgeDays === undefined) {
    throw new InputError(
      'fail-on-stale',
      "needs 'max-age-days': without it no key is ever stale. Set how many days old makes a key stale, e.g. 90."
    );
  }
  return { command: 'list', name: keyName(read), includeDeleted: boolean(read, 'include-deleted'), maxAgeDays, failOnStale };
}
