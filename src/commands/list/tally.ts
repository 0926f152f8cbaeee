/**
 * The pure part of `list`: what it keeps of a workspace's keys. As pages come in: counts, the
 * stale keys and the keys of unknown age. Once the listing is done, from the keys file read back:
 * the first of the others, as many as the log and the summary show. Never the whole listing.
 */
import { ageDays, isActive, isOlderThan, namesDifferingInCase } from '../../suprsend/keys.js';
import type { ApiKey } from '../../suprsend/types.js';
import type { ListSettings } from './settings.js';

/** What a listing reads of the settings: its filters and its rule for stale keys. */
export type ListFilter = Pick<ListSettings, 'name' | 'includeDeleted' | 'maxAgeDays' | 'failOnStale'>;

export interface StaleKey {
  key: ApiKey;
  ageDays: number;
}

export interface ListResult {
  workspace: string;
  /** How many keys the listing shows (filters applied): the keys file holds them all. */
  count: number;
  /** Keys left out because they are disabled (without `include-deleted`). */
  hiddenDisabled: number;
  /** The age in whole days of the oldest key listed with a readable date; undefined when none has one. */
  oldestDays: number | undefined;
  maxAgeDays: number | undefined;
  /** Every stale key, oldest first. */
  stale: StaleKey[];
  /** The first keys that are not stale, in the listing's order, whole: as many as the log's table shows. */
  others: ApiKey[];
  /** The summary's rows for the first keys that are not stale, in order: as many as the summary can hold, and one more. */
  otherRows: string[];
  /** Keys whose `created_at` is missing or unreadable, so their age is unknown. */
  undated: ApiKey[];
  /** The `name` filter ('' without one), and the names of keys that equal it only when case is ignored. */
  name: string;
  otherCase: string[];
  now: Date;
  failure?: string;
}

/**
 * What to keep of the keys that are not stale: the first `keys` whole, and the summary's row (made
 * by `row` as the key is read back) for the first of them while the rows fit `bytes`.
 */
export interface ReportBudget {
  keys: number;
  bytes: number;
  row: (key: ApiKey) => string;
}

/** Every key whole, no summary rows: a listing's facts. */
const EVERY_KEY: ReportBudget = { keys: Number.POSITIVE_INFINITY, bytes: -1, row: () => '' };

/** What to do about stale keys: one sentence for one workspace and for the account. */
export const ROTATE_ADVICE = "Rotate them: command 'rotate' with each name, or create, deploy, then 'delete' with 'keep: 1'.";

export class ListTally {
  private count = 0;
  private hiddenDisabled = 0;
  private oldestDays: number | undefined;
  private readonly stale: StaleKey[] = [];
  private readonly others: ApiKey[] = [];
  private readonly otherRows: string[] = [];
  private rowBytes = 0;
  private readonly undated: ApiKey[] = [];
  private readonly otherCase = new Set<string>();

  constructor(
    private readonly settings: ListFilter,
    private readonly now: Date,
    private readonly budget: ReportBudget = EVERY_KEY
  ) {}

  /** Takes a page of the listing, in order; returns the keys it shows (the filters applied), for the keys file. */
  add(page: readonly ApiKey[]): ApiKey[] {
    const { name, includeDeleted } = this.settings;
    const shown: ApiKey[] = [];
    if (name !== undefined) for (const other of namesDifferingInCase(page, name)) this.otherCase.add(other);
    for (const key of page) {
      if (name !== undefined && key.name !== name) continue;
      if (!includeDeleted && !isActive(key)) {
        this.hiddenDisabled++;
        continue;
      }
      shown.push(key);
      this.count++;
      const age = ageDays(key, this.now);
      if (age !== undefined && (this.oldestDays === undefined || age > this.oldestDays)) this.oldestDays = age;
      if (age === undefined) this.undated.push(key);
      else if (this.isStale(key)) this.stale.push({ key, ageDays: age });
    }
    return shown;
  }

  /**
   * Takes the keys `add` showed, again and in order (read back once the listing is done, so they
   * are not held while it runs), and keeps the first that are not stale. False once it needs no more.
   */
  keepFirst(shown: readonly ApiKey[]): boolean {
    for (const key of shown) {
      if (this.isStale(key)) continue;
      const wantsKey = this.others.length < this.budget.keys;
      const wantsRow = this.rowBytes <= this.budget.bytes;
      if (!wantsKey && !wantsRow) return false;
      if (wantsKey) this.others.push(key);
      if (wantsRow) {
        const row = this.budget.row(key);
        this.otherRows.push(row);
        this.rowBytes += Buffer.byteLength(row) + 1;
      }
    }
    return this.others.length < this.budget.keys || this.rowBytes <= this.budget.bytes;
  }

  private isStale(key: ApiKey): boolean {
    const { maxAgeDays } = this.settings;
    return maxAgeDays !== undefined && isActive(key) && isOlderThan(key, maxAgeDays, this.now);
  }

  result(workspace: string): ListResult {
    const { maxAgeDays, failOnStale } = this.settings;
    const stale = [...this.stale].sort((a, b) => b.ageDays - a.ageDays);
    const failure =
      failOnStale && stale.length > 0
        ? `${stale.length} of ${this.count} keys in workspace '${workspace}' ${stale.length === 1 ? 'is' : 'are'} older than ${maxAgeDays} days; ` +
          `the 'stale-key-ids' output and the job summary list them, oldest first. ${ROTATE_ADVICE}`
        : undefined;
    return {
      workspace,
      count: this.count,
      hiddenDisabled: this.hiddenDisabled,
      oldestDays: this.oldestDays,
      maxAgeDays,
      stale,
      others: [...this.others],
      otherRows: [...this.otherRows],
      undated: [...this.undated],
      name: this.settings.name ?? '',
      otherCase: [...this.otherCase],
      now: this.now,
      failure
    };
  }
}

/** A whole listing at once, every key kept (and no summary rows). */
export function summarizeKeys(all: ApiKey[], settings: ListFilter, context: { workspace: string; now: Date }): ListResult {
  const tally = new ListTally(settings, context.now);
  tally.keepFirst(tally.add(all));
  return tally.result(context.workspace);
}
