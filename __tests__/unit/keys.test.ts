import { describe, expect, it } from '@jest/globals';
import { planByFilter, planById } from '../../src/commands/select.js';
import { ListTally, summarizeKeys } from '../../src/commands/list/tally.js';
import { activeKeysNamed, ageDays, newestFirst } from '../../src/suprsend/keys.js';
import type { ApiKey } from '../../src/suprsend/types.js';

const now = new Date('2026-11-23T12:00:00Z');
const key = (id: string, created_at: string | null, extra: Partial<ApiKey> = {}): ApiKey => ({ id, name: 'app', created_at, ...extra });

describe('key facts', () => {
  it('computes age in whole days, unknown for unreadable dates', () => {
    expect(ageDays(key('a', '2026-08-25T12:00:00Z'), now)).toBe(90);
    expect(ageDays(key('a', '2026-08-25T12:00:01Z'), now)).toBe(89);
    expect(ageDays(key('a', 'yesterday'), now)).toBeUndefined();
    expect(ageDays(key('a', null), now)).toBeUndefined();
  });

  it('orders newest first, undated last in listed order', () => {
    const keys = [key('old', '2025-01-01T00:00:00Z'), key('u1', null), key('new', '2026-01-01T00:00:00Z'), key('u2', 'garbage')];
    expect(newestFirst(keys).map((k) => k.id)).toEqual(['new', 'old', 'u1', 'u2']);
  });

  it('finds active keys by exact name', () => {
    const keys = [
      key('a', '2026-01-01T00:00:00Z'),
      key('b', '2026-02-01T00:00:00Z', { is_deleted: true }),
      key('c', '2026-03-01T00:00:00Z', { name: 'App' })
    ];
    expect(activeKeysNamed(keys, 'app').map((k) => k.id)).toEqual(['a']);
  });
});

describe('delete plans', () => {
  const keys = [
    key('k1', '2026-01-01T00:00:00Z'),
    key('k2', '2026-03-01T00:00:00Z'),
    key('k3', '2026-02-01T00:00:00Z'),
    key('k4', '2026-04-01T00:00:00Z', { is_deleted: true })
  ];
  const byName = (name: string, keep: number) =>
    planByFilter(keys, { name, olderThanDays: undefined, keep, keptWhy: () => 'kept', graceMs: 0 }, new Date());
  it('by name keeps the newest N active keys', () => {
    const plan = byName('app', 1);
    expect(plan.kept.map((k) => k.key.id)).toEqual(['k2']);
    expect(plan.disable.map((k) => k.id)).toEqual(['k3', 'k1']);
    expect(byName('app', 5).disable).toEqual([]);
  });
  it('by id skips disabled keys and refuses unknown ids', () => {
    const plan = planById(keys, ['k4', 'k1'], 'staging');
    expect(plan.disable.map((k) => k.id)).toEqual(['k1']);
    expect(plan.alreadyDisabled.map((k) => k.id)).toEqual(['k4']);
    expect(() => planById(keys, ['k1', 'nope', 'gone'], 'staging')).toThrow(/nope, gone in workspace 'staging', so nothing was disabled/);
  });
});

describe('summarizeKeys', () => {
  const keys = [
    key('fresh', '2026-11-01T00:00:00Z'),
    key('edge', '2026-08-25T12:00:00Z'),
    key('old', '2020-01-01T00:00:00Z'),
    key('dead', '2020-01-01T00:00:00Z', { is_deleted: true }),
    key('undated', null),
    key('other', '2020-01-01T00:00:00Z', { name: 'other' })
  ];
  const base = { command: 'list' as const, name: 'app', includeDeleted: false, maxAgeDays: 90, failOnStale: false };
  it('filters by name, hides disabled keys, finds stale ones at the boundary', () => {
    const r = summarizeKeys(keys, base, { workspace: 'w', now });
    expect(r.count).toBe(4);
    expect(r.others.map((k) => k.id)).toEqual(['fresh', 'undated']);
    expect(r.hiddenDisabled).toBe(1);
    expect(r.stale.map((s) => [s.key.id, s.ageDays])).toEqual([
      ['old', 2518],
      ['edge', 90]
    ]);
    expect(r.undated.map((k) => k.id)).toEqual(['undated']);
    expect(r.failure).toBeUndefined();
  });
  it('fails on stale keys when asked, counting them and saying where the list is (not every id)', () => {
    const r = summarizeKeys(keys, { ...base, failOnStale: true, includeDeleted: true }, { workspace: 'w', now });
    expect(r.count).toBe(5);
    expect(r.failure).toMatch(
      /^2 of 5 keys in workspace 'w' are older than 90 days; the 'stale-key-ids' output and the job summary list them/
    );
    expect(r.stale.map((s) => s.key.id)).toEqual(['old', 'edge']);
  });
  it('finds nothing stale without max-age-days', () => {
    expect(summarizeKeys(keys, { ...base, maxAgeDays: undefined, failOnStale: true }, { workspace: 'w', now }).stale).toEqual([]);
  });
});

describe('staleness', () => {
  it('counts a key exactly N days old as stale, one a second younger as not, and takes fractions', () => {
    const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const keys = [key('exact', at(90 * 86_400_000)), key('younger', at(90 * 86_400_000 - 1000)), key('half', at(13 * 3_600_000))];
    const base = { command: 'list' as const, name: undefined, includeDeleted: false, failOnStale: false };
    expect(summarizeKeys(keys, { ...base, maxAgeDays: 90 }, { workspace: 'w', now }).stale.map((s) => s.key.id)).toEqual(['exact']);
    expect(summarizeKeys(keys, { ...base, maxAgeDays: 0.5 }, { workspace: 'w', now }).stale.map((s) => s.key.id)).toEqual([
      'exact',
      'younger',
      'half'
    ]);
  });
});

describe('ListTally: a listing a page at a time', () => {
  const base = { command: 'list' as const, name: undefined, includeDeleted: false, maxAgeDays: 30, failOnStale: false };
  const listing = Array.from({ length: 250 }, (_, i) =>
    key(`k${i}`, i % 10 === 0 ? '2020-01-01T00:00:00Z' : '2026-11-01T00:00:00Z', i % 7 === 0 ? { is_deleted: true } : {})
  );
  const pages = (size: number) =>
    Array.from({ length: Math.ceil(listing.length / size) }, (_, i) => listing.slice(i * size, (i + 1) * size));

  it('comes to what the whole listing gives, and hands back the keys each page shows', () => {
    const tally = new ListTally(base, now);
    const shown = pages(100).flatMap((page) => tally.add(page));
    for (let i = 0; i < shown.length; i += 30) tally.keepFirst(shown.slice(i, i + 30));
    const whole = summarizeKeys(listing, base, { workspace: 'w', now });
    expect(tally.result('w')).toEqual(whole);
    expect(shown.map((k) => k.id)).toEqual(listing.filter((k) => k.is_deleted !== true).map((k) => k.id));
    expect(whole.stale.length).toBeGreaterThan(0);
    expect(whole.hiddenDisabled).toBe(36);
  });

  it("keeps of the others only the first: whole for the log's rows, as summary rows while they fit", () => {
    const tally = new ListTally(base, now, { keys: 20, bytes: 1000, row: (k) => `<tr>${k.id}</tr>`.padEnd(99) });
    const shown = pages(50).map((page) => tally.add(page));
    // Nothing of the others is kept while the listing runs: only what is read back after it.
    expect(tally.result('w').others).toEqual([]);
    // The first page read back holds all it needs: it asks for no more.
    expect(shown.map((page) => tally.keepFirst(page))).toEqual([false, false, false, false, false]);
    const r = tally.result('w');
    const others = summarizeKeys(listing, base, { workspace: 'w', now }).others;
    expect(r.count).toBe(214);
    expect(r.others).toEqual(others.slice(0, 20));
    // Rows are kept while what is kept fits: the eleventh is the one past the budget, so a summary knows to cut.
    expect(r.otherRows).toEqual(others.slice(0, 11).map((k) => `<tr>${k.id}</tr>`.padEnd(99)));
    expect(r.stale).toEqual(summarizeKeys(listing, base, { workspace: 'w', now }).stale);
  });
});
