import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.js';

const box = createSecretBox(randomBytes(32));

describe('secret box', () => {
  it('round-trips any text, and the ciphertext never contains the plaintext', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (secret, context) => {
        const sealed = box.seal(secret, context);
        expect(box.open(sealed, context)).toBe(secret);
        expect(sealed).not.toContain(secret.length >= 4 ? secret : '\u0000never');
      }),
    );
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal('ashby-key', 'c')).not.toBe(box.seal('ashby-key', 'c'));
  });

  it('fails closed when one bit of the ciphertext flips, or the context or key differs', () => {
    const sealed = box.seal('sk_live_canary', 'connections.api_key:1');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    for (let bit = 0; bit < body.length * 8; bit += 7) {
      const flipped = Buffer.from(body);
      flipped[bit >> 3] = (flipped[bit >> 3] ?? 0) ^ (1 << (bit & 7));
      const tampered = [...parts.slice(0, 3), flipped.toString('base64url')].join(':');
      expect(() => box.open(tampered, 'connections.api_key:1')).toThrow(/could not be decrypted/);
    }
    expect(() => box.open(sealed, 'connections.api_key:2')).toThrow(/authentication failed/);
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'connections.api_key:1')).toThrow(
      /different key/,
    );
    expect(() => box.open('hb1:x', 'c')).toThrow(/unknown format/);
  });

  it('never puts the secret in its error message', () => {
    const sealed = box.seal('sk_live_canary', 'a');
    try {
      box.open(sealed, 'b');
    } catch (err) {
      expect(String(err)).not.toContain('sk_live_canary');
      expect(String(err)).not.toContain(sealed);
    }
  });
});
