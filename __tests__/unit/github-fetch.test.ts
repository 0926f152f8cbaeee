/** The fetch Octokit is handed, over a scripted transport and clock: retries, waits, redirects, and what it throws. */
import { describe, expect, it } from '@jest/globals';
import { TransportError, type HttpRequest, type HttpResponse } from '../../src/net/http.js';
import { GitHubHttpError, guardedFetch, RETRIES_HEADER } from '../../src/github/fetch.js';

type Script = (request: HttpRequest, n: number) => HttpResponse | TransportError;

function harness(script: Script, retries = 3) {
  const sent: string[] = [];
  const slept: number[] = [];
  let clock = Date.parse('2026-11-30T10:00:00Z');
  const fetch = guardedFetch({
    transport: (request) => {
      sent.push(`${request.method} ${request.url.href}`);
      // Each answer takes 5 s to arrive.
      clock += 5000;
      const answer = script(request, sent.length - 1);
      return answer instanceof TransportError ? Promise.reject(answer) : Promise.resolve(answer);
    },
    sleep: (ms) => {
      slept.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    now: () => new Date(clock),
    random: () => 1,
    debug: () => undefined,
    timeoutMs: 1000,
    retries
  });
  return { fetch, sent, slept, time: () => clock };
}

const answer = (status: number, headers: Record<string, string> = {}, body = '{}'): HttpResponse => ({ status, headers, body });
const API = 'https://api.github.test';

describe('guardedFetch', () => {
  it('waits what an HTTP-date Retry-After asks, counted from when that answer arrived', async () => {
    let retryAt = '';
    const h = harness((_r, n) => {
      if (n > 0) return answer(200);
      retryAt = new Date(h.time() + 50_000).toUTCString();
      return answer(429, { 'retry-after': retryAt });
    });
    const response = await h.fetch(`${API}/x`, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(200);
    expect(response.headers.get(RETRIES_HEADER)).toBe('1');
    expect(h.slept).toEqual([50_000]);
  });

  it('waits for the rate limit to reset when a 403 says no requests are left', async () => {
    const h = harness((_r, n) =>
      n > 0 ? answer(200) : answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(h.time() / 1000) + 20) })
    );
    await h.fetch(`${API}/x`);
    expect(h.slept[0]).toBeGreaterThan(19_000);
    expect(h.slept[0]).toBeLessThanOrEqual(20_000);
  });

  it('retries GET and PUT on 5xx and resets, a POST only when it never reached GitHub', async () => {
    const flaky = (n: number): HttpResponse | TransportError =>
      n === 0 ? new TransportError('connection', 'ECONNRESET', true, 'ECONNRESET') : n === 1 ? answer(502) : answer(201);
    for (const method of ['GET', 'PUT']) {
      const h = harness((_r, n) => flaky(n));
      expect((await h.fetch(`${API}/x`, { method })).status).toBe(201);
      expect(h.sent).toHaveLength(3);
    }
    const post = harness((_r, n) => flaky(n));
    await expect(post.fetch(`${API}/x`, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      facts: { kind: 'transport', failure: 'connection', mayHaveReachedServer: true, retries: 0 }
    });
    expect(post.sent).toHaveLength(1);
    const refused = harness((_r, n) => (n === 0 ? new TransportError('unreachable', 'ECONNREFUSED', false, 'ECONNREFUSED') : answer(201)));
    expect((await refused.fetch(`${API}/x`, { method: 'POST', body: '{}' })).status).toBe(201);
  });

  it('hands back the last answer after the retries, with their count', async () => {
    const h = harness(() => answer(503), 2);
    const response = await h.fetch(`${API}/x`, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(503);
    expect(response.headers.get(RETRIES_HEADER)).toBe('2');
    expect(h.sent).toHaveLength(3);
  });

  it('follows a same-origin 301 of a GET, and sends later requests below where it led', async () => {
    const h = harness((r) =>
      r.url.pathname.startsWith('/repos/acme/old')
        ? answer(301, { location: `${API}/repositories/7${r.url.pathname.slice('/repos/acme/old'.length)}` })
        : answer(200)
    );
    await h.fetch(`${API}/repos/acme/old/actions/secrets/public-key`);
    await h.fetch(`${API}/repos/acme/old/actions/secrets/K`, { method: 'PUT', body: '{}' });
    expect(h.sent).toEqual([
      `GET ${API}/repos/acme/old/actions/secrets/public-key`,
      `GET ${API}/repositories/7/actions/secrets/public-key`,
      `PUT ${API}/repositories/7/actions/secrets/K`
    ]);
  });

  it.each([
    ['another origin', 'GET', 'https://elsewhere.test/x', 'cross-origin'],
    ['a write, even to the same origin', 'PUT', `${API}/y`, 'write']
  ])('refuses a redirect to %s', async (_label, method, location, why) => {
    const h = harness(() => answer(307, { location }));
    const error = await h.fetch(`${API}/x`, { method, body: method === 'GET' ? undefined : '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubHttpError);
    expect((error as GitHubHttpError).facts).toEqual({ kind: 'redirect', status: 307, location, why });
    expect(h.sent).toHaveLength(1);
  });

  it('stops after a few same-origin redirects in a row', async () => {
    const h = harness((_r, n) => answer(302, { location: `${API}/hop${n}` }));
    await expect(h.fetch(`${API}/x`)).rejects.toMatchObject({ facts: { kind: 'redirect', why: 'too-many' } });
    expect(h.sent).toHaveLength(4);
  });

  it('gives up at once when Retry-After asks for more than a minute', async () => {
    const h = harness(() => answer(429, { 'retry-after': '3600' }));
    await expect(h.fetch(`${API}/x`)).rejects.toMatchObject({ facts: { kind: 'retry-after', waitMs: 3_600_000 } });
    expect(h.slept).toEqual([]);
  });
});
