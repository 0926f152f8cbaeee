/**
 * The exact figures of the performance budget (docs/performance.md): request counts,
 * concurrency bounds and bundle size. Speed itself is measured by `npm run bench`, not here.
 */
import { describe, expect, it } from '@jest/globals';
import { statSync } from 'node:fs';
import { DELETE_CONCURRENCY } from '../../src/commands/disable.js';
import { PAGE_CONCURRENCY } from '../../src/suprsend/paging.js';
import { NODES, withMock } from '../../test-support/e2e.js';
import { files } from '../../test-support/util.js';

const [, node24] = NODES[0]!;

describe('performance budget (exact figures)', () => {
  it('lists 5,000 keys in 50 requests with exactly PAGE_CONCURRENCY in flight at the peak', async () => {
    await withMock(node24, { latencyMs: 20 }, async (h) => {
      for (let i = 0; i < 5000; i++) h.mock.addKey('staging', { name: `k${i}` });
      const result = await h.run({ command: 'list' });
      expect(result.outputs.count).toBe('5000');
      expect(h.mock.requests).toHaveLength(50);
      expect(h.mock.peakInFlight).toBe(PAGE_CONCURRENCY);
      expect(PAGE_CONCURRENCY).toBeGreaterThanOrEqual(8);
      // The first page alone, then the rest: 1 + ceil(49 / concurrency) rounds, at most 8.
      expect(1 + Math.ceil(49 / PAGE_CONCURRENCY)).toBeLessThanOrEqual(8);
    });
  });

  it('create makes one request, two with if-exists on a small workspace', async () => {
    await withMock(node24, {}, async (h) => {
      await h.run({ name: 'a' });
      expect(h.mock.requests).toHaveLength(1);
      await h.run({ name: 'b', 'if-exists': 'fail' });
      expect(h.mock.requests).toHaveLength(3);
    });
  });

  it('delete by name makes one listing plus one request per key, at most DELETE_CONCURRENCY at once', async () => {
    await withMock(node24, { latencyMs: 20 }, async (h) => {
      for (let i = 0; i < 12; i++) h.mock.addKey('staging', { name: 'app', created_at: new Date(Date.now() - i * 1000).toISOString() });
      const result = await h.run({ command: 'delete', name: 'app', keep: '2' });
      expect(JSON.parse(result.outputs['deleted-key-ids']!)).toHaveLength(10);
      expect(h.mock.requests).toHaveLength(1 + 10);
      expect(h.mock.peakInFlight).toBe(DELETE_CONCURRENCY);
    });
  });

  it('keeps all JavaScript under dist/ within 1,200 KB', () => {
    const total = files('dist')
      .filter((f) => /\.(m|c)?js$/.test(f))
      .reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThanOrEqual(1_200_000);
  });
});
