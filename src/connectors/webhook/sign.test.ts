import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSigningSecret, newSigningSecret, signStandardWebhook } from './sign.js';

const vector = JSON.parse(
  fs.readFileSync(new URL('./fixtures/standard-webhooks-test-vector.json', import.meta.url), 'utf8'),
) as { secret: string; id: string; timestampSeconds: number; body: string; signature: string };

describe('Standard Webhooks signing', () => {
  it('matches the spec libraries published test vector', () => {
    expect(signStandardWebhook(vector.secret, vector)).toBe(vector.signature);
  });

  it('changes with any byte of the id, timestamp or body', () => {
    expect(signStandardWebhook(vector.secret, { ...vector, body: vector.body.replace('2', '3') })).not.toBe(
      vector.signature,
    );
    expect(signStandardWebhook(vector.secret, { ...vector, timestampSeconds: 1614265331 })).not.toBe(
      vector.signature,
    );
    expect(signStandardWebhook(vector.secret, { ...vector, id: `${vector.id}x` })).not.toBe(vector.signature);
  });

  it('generates whsec_ secrets of 32 random bytes, each different', () => {
    const a = newSigningSecret();
    const b = newSigningSecret();
    expect(isSigningSecret(a)).toBe(true);
    expect(a).not.toBe(b);
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(32);
    expect(isSigningSecret('whsec_short')).toBe(false);
    expect(isSigningSecret('nope')).toBe(false);
  });
});
