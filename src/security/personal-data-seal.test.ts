import { describe, expect, it } from 'vitest';
import { createPersonalDataSeal } from './personal-data-seal.js';
import { createSecretBox } from './secret-box.js';

const seal = () => createPersonalDataSeal(createSecretBox(Buffer.alloc(32, 1)));

describe('personal data seal', () => {
  it('seals salary and phone values, leaves names alone, and opens them again', () => {
    const s = seal();
    const fields = { firstName: 'Ada', salaryAmount: 123456, personalPhone: '+44 1', salaryCurrency: null };
    const sealed = s.sealMap(fields, 'members.fields:m1');
    expect(sealed['firstName']).toBe('Ada');
    expect(sealed['salaryCurrency']).toBeNull();
    expect(JSON.stringify(sealed)).not.toContain('123456');
    expect(JSON.stringify(sealed)).not.toContain('+44 1');
    expect(s.needsSealing(sealed)).toBe(false);
    expect(s.sealMap(sealed, 'members.fields:m1')).toEqual(sealed);
    expect(s.openMap(sealed, 'members.fields:m1')).toEqual(fields);
  });

  it('refuses a sealed value copied to another row', () => {
    const s = seal();
    const sealed = s.sealMap({ salaryAmount: 1 }, 'members.fields:m1');
    expect(() => s.openMap(sealed, 'members.fields:m2')).toThrow(/could not be decrypted/);
  });

  it('seals keys it learns from a mapping, and says when one was new', () => {
    const s = seal();
    expect(s.needsSealing({ badge: 'B-1' })).toBe(false);
    expect(s.learn(['badge'])).toBe(true);
    expect(s.learn(['badge'])).toBe(false);
    expect(s.needsSealing({ badge: 'B-1' })).toBe(true);
  });
});
