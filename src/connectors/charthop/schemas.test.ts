import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobSchema, pageSchema, personSchema } from './schemas.js';
import { matchOpenJob } from './to-person.js';
import { pushedMember } from '../../../test/support/destination-target.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('ChartHop wire schemas read the reference payloads', () => {
  it('reads a jobs page, and the open job in it is the one a hire fills', () => {
    const page = pageSchema(jobSchema).parse(fixture('list-jobs.json'));
    expect(page.next).toBe('2');
    expect(matchOpenJob(page.data, pushedMember())?.id).toBe('64b7f0c2a1b2c3d4e5f60718');
  });

  it('reads a persons page with null contact fields', () => {
    const page = pageSchema(personSchema).parse(fixture('list-persons.json'));
    expect(page.data[0]?.contact).toEqual({ homeEmail: null, workEmail: 'grace@corp.example' });
    expect(page.next).toBeUndefined();
  });
});
