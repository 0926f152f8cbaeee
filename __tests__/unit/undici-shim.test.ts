/** The lazy undici shim (shims/undici-lazy): nothing works before preload(), then the real undici does. */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Shim {
  preload: () => Promise<unknown>;
  Agent: new (o?: object) => object;
  ProxyAgent: new (o: object) => object;
  fetch: (url: string) => Promise<unknown>;
}

describe('undici shim', () => {
  it('is what the toolkit resolves as undici, refuses use before preload, then builds real undici objects', async () => {
    expect(require.resolve('undici')).toMatch(/shims\/undici-lazy\/index\.js$/);
    const shim = require('undici') as Shim;
    expect(() => new shim.Agent()).toThrow(/loaded on demand: await require\('undici'\)\.preload\(\)/);
    expect(() => shim.fetch('http://127.0.0.1:9')).toThrow(/loaded on demand/);

    const real = (await shim.preload()) as { Agent: new () => object; ProxyAgent: new (o: object) => object };
    expect(real).toBe(require('undici-impl'));
    const agent = new shim.Agent();
    expect(agent).toBeInstanceOf(real.Agent);
    expect(new shim.ProxyAgent({ uri: 'http://127.0.0.1:9' })).toBeInstanceOf(real.ProxyAgent);
    await (agent as { close(): Promise<void> }).close();
  });
});
