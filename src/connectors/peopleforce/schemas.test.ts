import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataEnvelopeSchema, employeeSchema, listEnvelopeSchema } from './schemas.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('PeopleForce wire schemas read the reference payloads', () => {
  it('reads an employee list page with its pagination', () => {
    const page = listEnvelopeSchema(employeeSchema).parse(fixture('list-employees.json'));
    expect(page.data[0]).toMatchObject({ id: 1042, personal_email: 'ada@home.example', status: 'hired' });
    expect(page.metadata?.pagination.pages).toBe(1);
  });

  it('reads the documented create answer (200 {data})', () => {
    expect(dataEnvelopeSchema(employeeSchema).parse(fixture('create-employee.json')).data.id).toBe(1043);
  });

  it('refuses an employee whose id is not a number', () => {
    expect(employeeSchema.safeParse({ id: '1042' }).success).toBe(false);
  });
});
