import { createHmac } from 'node:crypto';
import * as crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAshbySignature } from './webhook.js';

const SECRET = 'test_ashby_secret';
const sign = (body: Buffer | string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const buf = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('verifyAshbySignature', () => {
  const body = buf({ action: 'ping', data: { webhookActionType: 'ping' } });

  it('accepts a valid signature over the raw bytes', () => {
    expect(verifyAshbySignature(body, sign(body), SECRET)).toEqual({ ok: true });
  });

  it('matches an independently computed vector', () => {
    const raw = Buffer.from('{"action":"ping","data":{"webhookActionType":"ping"}}');
    const header = 'sha256=' + crypto.createHmac('sha256', 's').update(raw).digest('hex');
    expect(verifyAshbySignature(raw, header, 's')).toEqual({ ok: true });
  });

  it.each([
    [
      'tampered body',
      buf({ action: 'ping', data: { webhookActionType: 'pong' } }),
      sign(body),
      SECRET,
      'mismatch',
    ],
    ['wrong secret', body, sign(body, 'other'), SECRET, 'mismatch'],
    [
      're-serialised JSON',
      buf(JSON.stringify(JSON.parse(body.toString()), null, 1)),
      sign(body),
      SECRET,
      'mismatch',
    ],
    ['missing header', body, undefined, SECRET, 'missing'],
    ['empty header', body, '', SECRET, 'missing'],
    ['no sha256= prefix', body, sign(body).slice('sha256='.length), SECRET, 'malformed'],
    ['sha1= prefix', body, sign(body).replace('sha256=', 'sha1='), SECRET, 'malformed'],
    ['SHA256= prefix', body, sign(body).replace('sha256=', 'SHA256='), SECRET, 'malformed'],
    ['uppercase hex', body, 'sha256=' + sign(body).slice(7).toUpperCase(), SECRET, 'malformed'],
    ['truncated', body, sign(body).slice(0, -2), SECRET, 'malformed'],
    ['too long', body, sign(body) + '00', SECRET, 'malformed'],
    ['empty digest', body, 'sha256=', SECRET, 'malformed'],
    ['non-hex digit', body, sign(body).slice(0, -1) + 'g', SECRET, 'malformed'],
    ['surrounding space', body, ` ${sign(body)}`, SECRET, 'malformed'],
    ['two signatures', body, `${sign(body)},${sign(body)}`, SECRET, 'malformed'],
    [
      'base64 digest',
      body,
      'sha256=' + createHmac('sha256', SECRET).update(body).digest('base64'),
      SECRET,
      'malformed',
    ],
    ['empty secret configured', body, sign(body, ''), '', 'mismatch'],
  ] as const)('rejects %s', (_name, raw, header, secret, reason) => {
    expect(verifyAshbySignature(raw, header, secret)).toEqual({ ok: false, reason });
  });

  it('never throws on odd input', () => {
    const odd: unknown[] = [null, 123, {}, [], Symbol('x')];
    for (const value of odd) {
      expect(() => verifyAshbySignature(value as Buffer, sign(body), SECRET)).not.toThrow();
      expect(() => verifyAshbySignature(body, value as string, SECRET)).not.toThrow();
      expect(() => verifyAshbySignature(body, sign(body), value as string)).not.toThrow();
    }
  });

  it('compares through crypto.timingSafeEqual with equal-length buffers', () => {
    // The length check happens in the header parse, so the compare always gets two 32-byte digests.
    const wrong = 'sha256=' + '0'.repeat(64);
    expect(verifyAshbySignature(body, wrong, SECRET)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('property: any body verifies with its own signature and fails with any other secret', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        (bytes, other) => {
          fc.pre(other !== SECRET);
          const raw = Buffer.from(bytes);
          expect(verifyAshbySignature(raw, sign(raw), SECRET).ok).toBe(true);
          expect(verifyAshbySignature(raw, sign(raw, other), SECRET).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: 10,000 single-byte mutations of a signed body are all rejected', () => {
    const original = buf({
      webhookActionId: '0b5e2a7e-3f2c-4d5e-9a1b-8c7d6e5f4a3b',
      action: 'candidateHire',
      data: { application: { id: 'app-1', candidate: { id: 'cand-1', name: 'Zoë Ñandú' } } },
    });
    const header = sign(original);
    fc.assert(
      fc.property(fc.nat({ max: original.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, delta) => {
        const mutated = Buffer.from(original);
        mutated[index] = (mutated[index]! + delta) % 256;
        expect(verifyAshbySignature(mutated, header, SECRET)).toEqual({ ok: false, reason: 'mismatch' });
      }),
      { numRuns: 10_000 },
    );
  });
});
