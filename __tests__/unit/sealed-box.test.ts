/** The sealed box opens with an independent implementation (tweetnacl + @noble's BLAKE2b for the nonce). */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { sealedBox } from '../../src/github/sealed-box.js';
import { openSealedBox } from '../../test-support/fake-github.js';

describe('sealedBox', () => {
  it('opens with tweetnacl for any message', () => {
    const keyPair = nacl.box.keyPair();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (message) => {
        const sealed = sealedBox(message, keyPair.publicKey);
        expect(sealed.length).toBe(32 + 16 + message.length);
        expect(openSealedBox(sealed, keyPair)).toEqual(message);
      }),
      { numRuns: 50 }
    );
  });

  it('cannot be opened with another key, and differs each time', () => {
    const keyPair = nacl.box.keyPair();
    const message = new TextEncoder().encode('SS.secret');
    const a = sealedBox(message, keyPair.publicKey);
    expect(openSealedBox(a, nacl.box.keyPair())).toBeNull();
    expect(Buffer.from(sealedBox(message, keyPair.publicKey)).equals(Buffer.from(a))).toBe(false);
  });

  it('refuses a public key of the wrong size', () => {
    expect(() => sealedBox(new Uint8Array(1), new Uint8Array(31))).toThrow(/32-byte/);
  });
});

describe('sealedBox key agreement', () => {
  it('refuses a low-order recipient key (all zeros) instead of sealing under a known key', () => {
    expect(() => sealedBox(new Uint8Array(1), new Uint8Array(32))).toThrow();
  });
});
