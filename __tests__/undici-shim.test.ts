/** The lazy undici shim (shims/undici-lazy) hands out the real undici on first use. */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

describe('undici shim', () => {
  it('is what the toolkit resolves as undici, and builds real undici objects', () => {
    const shim = require('undici') as { Agent: new (o?: object) => object; ProxyAgent: new (o: object) => object; fetch: unknown };
    const real = require('undici-impl') as {
      Agent: new () => object;
      ProxyAgent: new (o: object) => object;
      Dispatcher: abstract new () => object;
    };
    expect(require.resolve('undici')).toMatch(/shims\/undici-lazy\/index\.js$/);
    const agent = new shim.Agent();
    expect(agent).toBeInstanceOf(real.Agent);
    expect(new shim.ProxyAgent({ uri: 'http://127.0.0.1:9' })).toBeInstanceOf(real.ProxyAgent);
    expect(typeof shim.fetch).toBe('function');
    void (agent as { close(): Promise<void> }).close();
  });
});
