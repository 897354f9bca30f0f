import { describe, expect, it } from 'vitest';
import { pushDocument, pushedMember } from '../../../test/support/destination-target.js';
import { AppError } from '../../core/errors/app-error.js';
import { CHARTHOP_FIELD_PRESET } from './index.js';
import { charthopFieldRuleSchema } from './field-mapping.js';
import { hireBodySchema, jobBodySchema, personBodySchema, type Job } from './schemas.js';
import {
  fileFieldFor,
  matchManager,
  matchOpenJob,
  matchPerson,
  toHireBody,
  toJobBody,
  toPersonBody,
} from './to-person.js';

const job = (over: Partial<Job>): Job => ({
  id: 'j',
  title: 'Engineer',
  open: 'OPEN',
  department: { name: 'Engineering' },
  personId: null,
  ...over,
});

describe('ChartHop mapping (pure)', () => {
  it('builds the person ChartHop maps for an ATS hire', () => {
    const body = toPersonBody(pushedMember());
    expect(body).toEqual({
      name: { first: 'Ada', last: 'Lovelace' },
      contact: {
        homeEmail: 'ada@home.example',
        workEmail: 'ada@corp.example',
        mobilePhone: '+44 20 7946 0000',
      },
    });
    expect(personBodySchema.parse(body)).toEqual(body);
    expect(() => toPersonBody(pushedMember({ fields: { lastName: 'L' } }))).toThrow(AppError);
  });

  it('preset rows cover the person, job and hire it sends', () => {
    const targets = CHARTHOP_FIELD_PRESET.map((r) => r.target);
    expect(targets).toEqual(expect.arrayContaining(['person.contact.homeEmail', 'job.title', 'hire.date']));
    expect(new Set(targets).size).toBe(CHARTHOP_FIELD_PRESET.length);
    for (const rule of CHARTHOP_FIELD_PRESET)
      expect(charthopFieldRuleSchema.safeParse(rule).success).toBe(true);
  });

  it('matches home email before work email, over any member email, case-insensitively', () => {
    const persons = [
      { id: 'w', contact: { workEmail: 'ada@home.example' } },
      { id: 'h', contact: { homeEmail: 'ADA@corp.example' } },
    ];
    expect(matchPerson(persons, pushedMember())?.id).toBe('h');
    expect(matchPerson(persons.slice(0, 1), pushedMember())?.id).toBe('w');
    expect(matchPerson(persons, pushedMember({ fields: { firstName: 'A', lastName: 'B' } }))).toBeNull();
  });

  it('matches the manager by email, else by remote id', () => {
    const persons = [{ id: 'm1', contact: { workEmail: 'boss@corp.example' } }, { id: 'm2' }];
    expect(matchManager(persons, { email: 'Boss@corp.example', name: null, remoteId: 'm2' })?.id).toBe('m1');
    expect(matchManager(persons, { email: 'gone@corp.example', name: null, remoteId: 'm2' })?.id).toBe('m2');
    expect(matchManager(persons, null)).toBeNull();
  });

  it('picks only an open job whose title and department are exactly the member’s', () => {
    const member = pushedMember();
    expect(matchOpenJob([job({ id: 'filled', personId: 'p' }), job({ id: 'ok' })], member)?.id).toBe('ok');
    expect(matchOpenJob([job({ open: 'FILLED' })], member)).toBeNull();
    expect(matchOpenJob([job({ title: 'engineer' })], member)).toBeNull();
    expect(matchOpenJob([job({ title: ' Engineer ' })], member)?.id).toBe('j');
    expect(matchOpenJob([job({ department: null })], member)).toBeNull();
    expect(matchOpenJob([job({ department: null })], pushedMember({ department: null }))?.id).toBe('j');
  });

  it('creates a job under the manager’s job, and a hire with base pay only when amount and currency are known', () => {
    expect(jobBodySchema.parse(toJobBody(pushedMember(), 'mgr'))).toEqual({
      title: 'Engineer',
      open: 'OPEN',
      department: { name: 'Engineering' },
      addRelationships: [{ jobId: 'mgr', type: 'MANAGER' }],
    });
    expect(toJobBody(pushedMember(), null)).not.toHaveProperty('addRelationships');
    const hire = hireBodySchema.parse(toHireBody(pushedMember(), 'p', 'j'));
    expect(hire.comp).toEqual({ baseComp: { interval: 'YEARLY', pay: { amount: 90000, currency: 'EUR' } } });
    const noCurrency = pushedMember({ fields: { ...pushedMember().fields, salaryCurrency: null } });
    expect(toHireBody(noCurrency, 'p', 'j')).not.toHaveProperty('comp');
    expect(() => toHireBody(pushedMember({ fields: { firstName: 'A', lastName: 'B' } }), 'p', 'j')).toThrow(
      /start date/,
    );
  });

  it('sends the offer letter and resume to their file fields and nothing else', () => {
    expect(fileFieldFor(pushDocument())).toBe('offerLetter');
    expect(fileFieldFor(pushDocument({ kind: 'resume' }))).toBe('resume');
    expect(fileFieldFor(pushDocument({ kind: 'candidate_file' }))).toBeNull();
  });

  it('follows a saved mapping: a person custom field, and the job title from another field', () => {
    const rules = [
      ...CHARTHOP_FIELD_PRESET.filter((r) => r.target !== 'job.title'),
      { target: 'person.fields.cf_team', from: ['team'] },
      { target: 'job.title', from: ['team'] },
    ];
    const member = pushedMember({ fields: { ...pushedMember().fields, team: 'Platform' } });
    expect(toPersonBody(member, rules)).toMatchObject({
      name: { first: 'Ada' },
      fields: { cf_team: 'Platform' },
    });
    expect(toJobBody(member, null, rules).title).toBe('Platform');
    expect(matchOpenJob([job({ title: 'Platform' })], member, rules)?.id).toBe('j');
  });
});
