import { fieldRuleSchema, type FieldRule } from '../kit/field-mapping.js';

/**
 * HireBridge field -> ChartHop, as data (the shared engine in kit/field-mapping.ts runs it). Targets:
 * `person.name.*` and `person.contact.*` in the person create, a person custom field by its ChartHop id
 * as `person.fields.<id>`; `job.title` and `job.department.name` choose the open job (or name the new
 * one); `hire.date` and `hire.comp.baseComp.pay.amount|currency` go on the HIRE change.
 */
export const charthopFieldRuleSchema = fieldRuleSchema(
  /^(person\.(name|contact|fields)\.[A-Za-z0-9_]{1,100}|job\.title|job\.department\.name|hire\.date|hire\.comp\.baseComp\.pay\.(amount|currency))$/,
  'a ChartHop field such as person.name.first, person.contact.homeEmail, person.fields.<field id>, job.title or hire.date',
);

/** ChartHop's own ATS new-hire fields (§0: name, homeEmail, mobilePhone, startDate, base, currency). */
export const CHARTHOP_FIELD_PRESET: readonly FieldRule[] = [
  { target: 'person.name.first', from: ['firstName'] },
  { target: 'person.name.middle', from: ['middleName'] },
  { target: 'person.name.last', from: ['lastName'] },
  // ChartHop matches people on the home email first.
  { target: 'person.contact.homeEmail', from: ['personalEmail'] },
  { target: 'person.contact.workEmail', from: ['workEmail'] },
  { target: 'person.contact.mobilePhone', from: ['personalPhone'] },
  // The open job with this title and department is filled, else a new job is made under the manager's.
  { target: 'job.title', from: ['jobTitle'] },
  { target: 'job.department.name', from: ['department'] },
  { target: 'hire.date', from: ['employmentStartDate'] },
  // Yearly base pay (assumptions.ts COMP_INTERVAL).
  { target: 'hire.comp.baseComp.pay.amount', from: ['salaryAmount'] },
  { target: 'hire.comp.baseComp.pay.currency', from: ['salaryCurrency'] },
];
