import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEW_HIRE_FIELDS } from '../model/new-hire-fields.js';
import { hireBundle } from './bundle.fixture.js';
import { defaultMapping } from './default-mapping.js';
import { evaluateMapping } from './evaluate-mapping.js';
import { code, expectSound, marked, nullableNum, text } from './property.fixture.js';
import type { ContactEntry, SourceBundle } from './source-bundle.js';

describe('default mapping properties', () => {
  const contact = fc.record({
    value: fc.oneof(
      marked.map((m) => `${m}@example.com`),
      fc.constantFrom('', ' ', 'bad', '+1 555 0100'),
    ),
    type: fc.constantFrom('Personal' as const, 'Work' as const, 'Other' as const),
    isPrimary: fc.boolean(),
  });
  const hire = fc.record({
    name: fc.string({ maxLength: 30 }),
    emails: fc.array(contact, { maxLength: 4 }),
    primary: fc.option(contact, { nil: null }),
    startDate: fc.option(
      fc.oneof(
        text,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      { nil: null },
    ),
    salary: fc.option(fc.record({ value: nullableNum, currencyCode: code }), { nil: null }),
    hasOffer: fc.boolean(),
    manager: fc.option(
      fc.record({
        userId: fc.constant('u'),
        firstName: text,
        lastName: text,
        email: fc.option(text, { nil: null }),
      }),
      { nil: null },
    ),
  });

  it('default mapping over random hires: sound, and a Work address is never the personal email', () => {
    fc.assert(
      fc.property(hire, (h) => {
        const base = hireBundle();
        const bundle: SourceBundle = {
          ...base,
          candidate: {
            ...base.candidate,
            name: h.name,
            emailAddresses: h.emails,
            primaryEmailAddress: h.primary,
          },
          offer:
            h.hasOffer && base.offer
              ? {
                  ...base.offer,
                  latestVersion: { ...base.offer.latestVersion, startDate: h.startDate, salary: h.salary },
                }
              : null,
          hiringManager: h.manager,
        };
        const result = evaluateMapping(defaultMapping(), bundle, []);
        expectSound(result, NEW_HIRE_FIELDS);
        const work = [...h.emails, ...(h.primary ? [h.primary] : [])]
          .filter((e: ContactEntry) => e.type === 'Work')
          .map((e) => e.value.trim());
        const email = result.fields.personalEmail?.value;
        if (typeof email === 'string') expect(work).not.toContain(email);
      }),
      { numRuns: 1000 },
    );
  });

  it('start dates are the written calendar date, whatever the offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -720, max: 840 }),
        (d, offset) => {
          // Build a local-time ISO string in an arbitrary zone: its date part is what the people team wrote.
          const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const iso = `${local}${sign}${String(Math.trunc(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const b = hireBundle();
          const bundle = {
            ...b,
            offer: b.offer && { ...b.offer, latestVersion: { ...b.offer.latestVersion, startDate: iso } },
          };
          expect(evaluateMapping(defaultMapping(), bundle, []).fields.employmentStartDate?.value).toBe(
            local.slice(0, 10),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
