import { describe, expect, it } from 'vitest';
import { pushedMember } from '../../../test/support/destination-target.js';
import { AppError } from '../../core/errors/app-error.js';
import { PEOPLEFORCE_FIELD_PRESET } from './index.js';
import { employeeBodySchema, positionBodySchema, salaryBodySchema } from './schemas.js';
import {
  documentFolderFor,
  employeeHasEmail,
  findByName,
  memberEmails,
  positionNames,
  toEmployeeBody,
  toPositionBody,
  toSalaryBody,
} from './to-employee.js';

describe('PeopleForce mapping (pure)', () => {
  it('builds the employee body from the preset', () => {
    const body = toEmployeeBody(pushedMember());
    expect(body).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@corp.example',
      personal_email: 'ada@home.example',
      mobile_number: '+44 20 7946 0000',
      hired_on: '2027-01-04',
    });
    expect(employeeBodySchema.parse(body)).toEqual(body);
  });

  it('refuses a member without a first or last name, naming the field', () => {
    const member = pushedMember({ fields: { firstName: 'Ada', lastName: '  ' } });
    expect(() => toEmployeeBody(member)).toThrow(AppError);
    try {
      toEmployeeBody(member);
    } catch (err) {
      expect((err as AppError).code).toBe('required_fields_missing');
      expect((err as AppError).details).toEqual({ fields: ['lastName'] });
    }
  });

  it('points every preset row at a key PeopleForce accepts', () => {
    const keys: Record<string, readonly string[]> = {
      employee: Object.keys(employeeBodySchema.shape),
      position: Object.keys(positionBodySchema.shape),
      salary: Object.keys(salaryBodySchema.shape),
    };
    for (const row of PEOPLEFORCE_FIELD_PRESET) {
      const [request, key] = row.target.split('.') as [string, string];
      expect(keys[request], row.target).toContain(key);
    }
  });

  it('sends a yearly salary only with amount, currency and start date', () => {
    expect(toSalaryBody(pushedMember())).toEqual({
      effective_on: '2027-01-04',
      amount: 90000,
      per: 'year',
      currency_code: 'EUR',
    });
    const base = pushedMember().fields;
    expect(toSalaryBody(pushedMember({ fields: { ...base, salaryCurrency: 'usd' } }))?.currency_code).toBe(
      'USD',
    );
    expect(toSalaryBody(pushedMember({ fields: { ...base, salaryCurrency: null } }))).toBeNull();
    expect(toSalaryBody(pushedMember({ fields: { ...base, salaryAmount: null } }))).toBeNull();
  });

  it('builds the position from resolved ids, leaving out what did not resolve', () => {
    const ids = { positionId: 1, departmentId: null, locationId: 3, reportingToId: null };
    expect(toPositionBody(pushedMember(), ids)).toEqual({
      effective_from: '2027-01-04',
      position_id: 1,
      location_id: 3,
    });
    const noStart = pushedMember({ fields: { firstName: 'A', lastName: 'B' } });
    expect(toPositionBody(noStart, ids)).toBeNull();
    expect(positionNames(pushedMember({ department: null, fields: { department: 'Ops' } }))).toMatchObject({
      department: 'Ops',
    });
  });

  it('matches names case-insensitively and files documents by category, else in the first folder', () => {
    const folders = [
      { id: 1, name: 'Contracts' },
      { id: 2, name: 'Offer Letter' },
    ];
    expect(findByName(folders, ' offer letter ')).toEqual(folders[1]);
    expect(findByName(folders, null)).toBeNull();
    expect(documentFolderFor(folders, 'Offer letter')).toEqual(folders[1]);
    expect(documentFolderFor(folders, 'Resumes')).toEqual(folders[0]);
    expect(documentFolderFor([], 'Resumes')).toBeNull();
  });

  it('lists the member emails personal first, lower-cased, once; and matches either employee email', () => {
    const member = pushedMember({ fields: { personalEmail: 'A@x.example', workEmail: 'a@X.example' } });
    expect(memberEmails(member)).toEqual(['a@x.example']);
    expect(employeeHasEmail({ id: 1, personal_email: ' A@x.example ' }, ['a@x.example'])).toBe(true);
    expect(employeeHasEmail({ id: 1, email: 'b@x.example' }, ['a@x.example'])).toBe(false);
  });

  it('follows a saved mapping: a custom field by its internal_name, and the position from another field', () => {
    const rules = [
      ...PEOPLEFORCE_FIELD_PRESET.filter((r) => r.target !== 'position.position_id'),
      { target: 'employee.tshirt_size', from: ['tshirt'] },
      { target: 'position.position_id', from: ['middleName', 'jobTitle'] },
    ];
    const member = pushedMember({ fields: { ...pushedMember().fields, tshirt: 'M' } });
    expect(toEmployeeBody(member, rules)).toMatchObject({ first_name: 'Ada', tshirt_size: 'M' });
    expect(positionNames(member, rules).jobTitle).toBe('Engineer');
    expect(
      toSalaryBody(
        member,
        rules.filter((r) => r.target !== 'salary.currency_code'),
      ),
    ).toBeNull();
  });
});
