/**
 * Commands in process (test-support/in-process.ts): main() against the fake SuprSend's routes with
 * no socket and no dist/, fast enough for the loop of writing a command. Each test shows what a
 * step does, call by call, as the end-to-end suites show it through dist/.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MOCK_TOKEN, startMockServer, type MockServer } from '../../tools/mock-server.js';
import { runInProcess } from '../../test-support/in-process.js';

let mock: MockServer;
beforeEach(async () => {
  mock = await startMockServer();
});
afterEach(async () => {
  await mock.close();
});

const base = { 'service-token': MOCK_TOKEN, workspace: 'staging' };
const DAY = 86_400_000;
const ago = (days: number): string => new Date(Date.parse('2026-11-23T12:00:00Z') - days * DAY).toISOString();

describe('commands in process', () => {
  it('rotate with keep: 2: the new key masked before any output, checked at the hub, the oldest key disabled', async () => {
    const oldest = mock.addKey('staging', { name: 'api', created_at: ago(50) });
    const previous = mock.addKey('staging', { name: 'api', created_at: ago(20) });
    const r = await runInProcess(mock, { ...base, command: 'rotate', name: 'api', keep: '2' });
    expect(r.failed).toBeUndefined();
    const secret = mock.secrets[0]!;
    const masked = r.calls.findIndex(([c, v]) => c === 'setSecret' && v === secret);
    const published = r.calls.findIndex(([c, n]) => c === 'setOutput' && n === 'api-key');
    expect(masked).toBeGreaterThanOrEqual(0);
    expect(masked).toBeLessThan(published);
    expect(mock.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /v1/staging/ws_api_key/',
      'POST /v1/staging/ws_api_key/',
      'GET /v1/tenant/',
      'GET /v1/staging/ws_api_key/',
      `DELETE /v1/staging/ws_api_key/${oldest.id}/`
    ]);
    expect(r.outputs['deleted-key-ids']).toBe(JSON.stringify([oldest.id]));
    expect(previous.is_deleted).toBe(false);
  });

  it('a guard input another command reads fails before any request', async () => {
    const r = await runInProcess(mock, { ...base, command: 'delete', name: 'api', 'max-age-days': '365' });
    expect(r.failed).toMatch(/^Input 'max-age-days': does not apply to command 'delete'/);
    expect(mock.requests).toEqual([]);
  });

  it("delete by age keeps each name's newest key unless keep: 0 is written", async () => {
    const only = mock.addKey('staging', { name: 'worker', created_at: ago(300) });
    const r = await runInProcess(mock, { ...base, command: 'delete', 'older-than-days': '90' });
    expect(r.outputs['deleted-key-ids']).toBe('[]');
    expect(r.calls.some(([c, m]) => c === 'info' && String(m).includes(only.id) && String(m).includes("a name's last key"))).toBe(true);
  });
});
