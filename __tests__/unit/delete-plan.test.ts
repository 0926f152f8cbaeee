/** What a delete by filter selects: age, keep per name, disabled and undated keys. Pure: no server. */
import { describe, expect, it } from '@jest/globals';
import { plan } from '../../src/commands/delete/plan.js';
import type { ApiKey } from '../../src/suprsend/types.js';
import { DAY } from '../../test-support/util.js';

const now = new Date('2026-11-24T00:00:00Z');
const at = (days: number): string => new Date(now.getTime() - days * DAY).toISOString();
const key = (id: string, name: string, days: number | null, extra: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name,
  is_deleted: false,
  created_at: days === null ? null : at(days),
  ...extra
});

const keys = [
  key('api-200', 'api', 200),
  key('api-120', 'api', 120),
  key('api-10', 'api', 10),
  key('web-300', 'web', 300),
  key('web-95', 'web', 95),
  key('web-400-off', 'web', 400, { is_deleted: true }),
  key('job-undated', 'job', null),
  key('job-100', 'job', 100),
  key('solo-500', 'solo', 500)
];
const ids = (list: { id: string }[]): string[] => list.map((k) => k.id).sort();
/** A delete by filter, with 'keep' written by the user unless `keepSet` says otherwise. */
const byFilter = (
  f: { name: string | undefined; olderThanDays: number | undefined; keep: number; keepSet?: boolean; graceMs?: number },
  all = keys
): ReturnType<typeof plan> => plan(all, { by: 'filter', keepSet: true, graceMs: 0, ...f }, 'staging', now);

describe('delete by older-than-days', () => {
  it('alone: every active key older than the age, across names; disabled and undated keys are not selected', () => {
    const plan = byFilter({ name: undefined, olderThanDays: 90, keep: 0 });
    expect(ids(plan.disable)).toEqual(['api-120', 'api-200', 'job-100', 'solo-500', 'web-300', 'web-95']);
    expect(ids(plan.kept.map((k) => k.key))).toEqual(['api-10']);
    expect(plan.kept[0]!.why).toBe('10 days old, not older than 90 days');
    expect(ids(plan.undated)).toEqual(['job-undated']);
  });

  it('with keep: 1, the newest key of each name stays whatever its age: no service loses its last key', () => {
    const plan = byFilter({ name: undefined, olderThanDays: 90, keep: 1 });
    expect(ids(plan.disable)).toEqual(['api-120', 'api-200', 'web-300']);
    expect(plan.kept.map((k) => [k.key.id, k.why])).toEqual([
      ['api-10', 'the newest named "api" (keep: 1)'],
      ['web-95', 'the newest named "web" (keep: 1)'],
      ['job-100', 'the newest named "job" (keep: 1)'],
      ['solo-500', 'the newest named "solo" (keep: 1)']
    ]);
    // Undated keys sort last, so they are never the one kept, and never disabled by age.
    expect(ids(plan.undated)).toEqual(['job-undated']);
  });

  it('with a name: only that name', () => {
    const plan = byFilter({ name: 'api', olderThanDays: 150, keep: 0 });
    expect(ids(plan.disable)).toEqual(['api-200']);
    expect(ids(plan.kept.map((k) => k.key))).toEqual(['api-10', 'api-120']);
  });

  it('exactly the age counts as older, as for max-age-days', () => {
    const plan = byFilter({ name: 'x', olderThanDays: 90, keep: 0 }, [key('exact', 'x', 90), key('younger', 'x', 89.9)]);
    expect(ids(plan.disable)).toEqual(['exact']);
  });

  it('by name alone, keys of unknown age are disabled as before: the age plays no part', () => {
    const plan = byFilter({ name: 'job', olderThanDays: undefined, keep: 0 });
    expect(ids(plan.disable)).toEqual(['job-100', 'job-undated']);
    expect(plan.undated).toEqual([]);
  });
});

describe("a name's last key", () => {
  it('unset keep keeps the newest key of each name in a cleanup by age, and says why', () => {
    const result = byFilter({ name: undefined, olderThanDays: 90, keep: 1, keepSet: false });
    expect(ids(result.disable)).toEqual(['api-120', 'api-200', 'web-300']);
    expect(result.kept.find((k) => k.key.id === 'solo-500')?.why).toBe(
      "the newest named \"solo\": cleanup by age never disables a name's last key unless 'keep: 0' is set"
    );
  });

  it('keep: 2 says so', () => {
    expect(byFilter({ name: 'api', olderThanDays: undefined, keep: 2 }).kept.map((k) => k.why)).toEqual([
      'one of the newest 2 named "api" (keep: 2)',
      'one of the newest 2 named "api" (keep: 2)'
    ]);
  });
});

describe('a grace period', () => {
  const HOUR = 3_600_000;
  it('an older key is disabled only once the next newer key of its name is that old; the rest are kept with when they are due', () => {
    const all = [key('a-200', 'a', 200), key('a-100', 'a', 100), key('a-3', 'a', 3), key('a-1', 'a', 1)];
    const result = byFilter({ name: 'a', olderThanDays: undefined, keep: 0, graceMs: 2 * DAY }, all);
    // a-200's newer sibling a-100 is 100 days old: past the grace; a-100's is a-3: past too; a-3's is a-1: one day, still in grace.
    expect(ids(result.disable)).toEqual(['a-100', 'a-200']);
    expect(result.kept.map((k) => [k.key.id, k.why.replace(/\d{4}-\d\d-\d\d \d\d:\d\d/, 'T')])).toEqual([
      ['a-1', `the newest named "a": a delete with a grace period never disables a name's newest key (grace-period: 2d)`],
      ['a-3', 'in its grace period until T UTC (grace-period: 2d after a newer key of its name)']
    ]);
    const due = new Date(now.getTime() - DAY + 2 * DAY).toISOString().slice(0, 16).replace('T', ' ');
    expect(result.kept[1]!.why).toContain(due);
  });

  it('on both sides of the boundary', () => {
    const all = (hoursAgo: number) => [
      key('old', 'b', 50),
      { ...key('new', 'b', 0), created_at: new Date(now.getTime() - hoursAgo * HOUR).toISOString() }
    ];
    expect(ids(byFilter({ name: 'b', olderThanDays: undefined, keep: 1, graceMs: 12 * HOUR }, all(11.9)).disable)).toEqual([]);
    expect(ids(byFilter({ name: 'b', olderThanDays: undefined, keep: 1, graceMs: 12 * HOUR }, all(12)).disable)).toEqual(['old']);
  });
});
