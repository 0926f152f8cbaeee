/**
 * libsodium's `crypto_box_seal`, which GitHub requires for Actions secrets: an
 * ephemeral X25519 key pair, nonce = BLAKE2b-192(ephemeral public key ‖ recipient
 * public key), then `crypto_box` (XSalsa20-Poly1305 under the HSalsa20-derived
 * shared key). Output: ephemeral public key ‖ tag ‖ ciphertext.
 * The key agreement is Node's own X25519 (OpenSSL: native, constant time, no BigInt
 * arithmetic to load and warm up); the rest is @noble (audited, pure JS), which Node
 * does not provide. Checked in tests against tweetnacl, an independent implementation.
 */
import { diffieHellman, generateKeyPairSync, createPublicKey, type KeyObject } from 'node:crypto';
import { hsalsa, xsalsa20poly1305 } from '@noble/ciphers/salsa.js';
import { blake2b } from '@noble/hashes/blake2.js';

/** "expand 32-byte k", the Salsa20 constant, as little-endian words. */
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

export function sealedBox(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  if (recipientPublicKey.length !== 32)
    throw new Error(`a sealed box needs a 32-byte X25519 public key, got ${recipientPublicKey.length} bytes`);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicKey(ephemeral.publicKey);
  const recipient = createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(recipientPublicKey).toString('base64url') },
    format: 'jwk'
  });
  // OpenSSL refuses a low-order recipient key (an all-zero shared secret): thrown, never sealed.
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const nonce = blake2b(concat(ephemeralPublic, recipientPublicKey), { dkLen: 24 });
  return concat(ephemeralPublic, xsalsa20poly1305(boxKey(shared), nonce).encrypt(message));
}

function rawPublicKey(key: KeyObject): Uint8Array {
  const { x } = key.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new Error('X25519 public key without x');
  return Buffer.from(x, 'base64url');
}

/** `crypto_box_beforenm`: HSalsa20 of the X25519 shared secret with a zero nonce. */
function boxKey(shared: Uint8Array): Uint8Array {
  const out = new Uint32Array(8);
  hsalsa(SIGMA, words(shared), new Uint32Array(4), out);
  const key = new Uint8Array(32);
  const view = new DataView(key.buffer);
  out.forEach((word, i) => {
    view.setUint32(i * 4, word, true);
  });
  return key;
}

function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
