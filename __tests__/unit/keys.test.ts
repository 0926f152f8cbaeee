import { describe, expect, it } from '@jest/globals';
import { planByFilter, planById } from '../../src/commands/delete/plan.js';
import { summarizeKeys } from '../../src/commands/list/run.js';
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
  const byName = (name: string, keep: number) => planByFilter(keys, { by: 'filter', name, olderThanDays: undefined, keep }, new Date());
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
    expect(r.keys.map((k) => k.id)).toEqual(['fresh', 'edge', 'old', 'undated']);
    expect(r.hiddenDisabled).toBe(1);
    expect(r.stale.map((s) => [s.key.id, s.ageDays])).toEqual([
      ['old', 2518],
      ['edge', 90]
    ]);
    expect(r.undated.map((k) => k.id)).toEqual(['undated']);
    expect(r.failure).toBeUndefined();
  });
  it('fails on stale keys when asked, naming them', () => {
    const r = summarizeKeys(keys, { ...base, failOnStale: true, includeDeleted: true }, { workspace: 'w', now });
    expect(r.keys).toHaveLength(5);
    expect(r.failure).toMatch(/2 of 5 keys in workspace 'w' are older than 90 days \(old, edge\)/);
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
