/**
 * src/net/undici-on-demand.ts stands in for undici in the bundle (tsconfig.json `paths`).
 * These tests fail the day that trick stops working: when the bundle carries undici again,
 * when a toolkit update imports a name the stand-in lacks, or when the real undici stops
 * providing one.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as onDemand from '../../src/net/undici-on-demand.js';
import { files } from '../../test-support/util.js';

const require = createRequire(import.meta.url);
const real = require('undici') as Record<string, unknown>;

/** The names each bundled consumer takes from undici: ESM `import { … } from 'undici'` and CommonJS `undici_1.X`. */
function importedNames(): Map<string, string[]> {
  // The toolkit packages the action bundles, nested copies included (@actions/github has its own http-client).
  const consumers = [
    ...files('node_modules/@actions/core/lib'),
    ...files('node_modules/@actions/http-client/lib'),
    ...files('node_modules/@actions/github/lib'),
    ...files('node_modules/@actions/github/node_modules/@actions/http-client/lib')
  ].filter((f) => f.endsWith('.js'));
  const names = new Map<string, string[]>();
  for (const file of consumers) {
    const text = readFileSync(file, 'utf8');
    const found = [
      ...[...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]undici['"]/g)].flatMap((m) =>
        m[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!)
      ),
      ...[...text.matchAll(/(\w+)\s*=\s*require\(["']undici["']\)/g)].flatMap((m) =>
        [...text.matchAll(new RegExp(`\\b${m[1]}\\.(\\w+)`, 'g'))].map((u) => u[1]!)
      )
    ].filter((n) => n !== '');
    if (found.length > 0) names.set(file, [...new Set(found)]);
  }
  return names;
}

describe('undici on demand', () => {
  it('the bundled toolkit imports only names the stand-in exports and the real undici provides', () => {
    const names = importedNames();
    // http-client (ProxyAgent) and @actions/github (fetch) at least: the scan itself must see them.
    expect([...names.values()].flat()).toEqual(expect.arrayContaining(['ProxyAgent', 'fetch']));
    for (const [file, used] of names) {
      for (const name of used) {
        expect([file, name, name in onDemand]).toEqual([file, name, true]);
        expect([file, name, typeof real[name]]).toEqual([file, name, 'function']);
      }
    }
  });

  it('constructs inert objects (as @actions/github does behind a proxy) that refuse any use', () => {
    const agent = new onDemand.ProxyAgent({ uri: 'http://127.0.0.1:9' }) as unknown as Record<string, unknown>;
    expect(() => agent.dispatch).toThrow(/ProxyAgent\.dispatch is not bundled/);
    expect(() => (new onDemand.Agent() as unknown as Record<string, unknown>).close).toThrow(/not bundled/);
    expect(() => onDemand.fetch()).toThrow(/fetch is not bundled/);
  });

  it('the bundle carries no undici at all', () => {
    const marker = 'UND_ERR_CONNECT_TIMEOUT';
    const bundled = readdirSync('dist').filter((f) => f.endsWith('.js') && readFileSync(`dist/${f}`, 'utf8').includes(marker));
    expect(bundled).toEqual([]);
  });
});
