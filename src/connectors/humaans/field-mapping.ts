import { fieldRuleSchema, type FieldRule } from '../kit/field-mapping.js';

/**
 * HireBridge field -> Humaans field, as data: the preset below is what a new Humaans destination starts
 * with, and an admin's edited copy (GET|PUT mapping, preview) has the same shape. Targets: `person.<attr>`
 * (the create body), `jobRole.<attr>` (the job role row), `compensation.amount|currency`, and custom fields
 * by their Humaans id as `customField.<id>` (written with `POST /custom-values`).
 */
export const humaansFieldRuleSchema = fieldRuleSchema(
  /^(person|jobRole|compensation|customField)\.[A-Za-z0-9_-]+$/,
  'a Humaans field such as person.firstName, jobRole.jobTitle or customField.<id>',
);
export type HumaansFieldRule = FieldRule;

/** Mirrors the default mapping of Humaans' own Ashby integration (seeds: "Default data fields"). */
export const HUMAANS_PRESET_MAPPING: readonly HumaansFieldRule[] = [
  { target: 'person.firstName', from: ['firstName'] },
  { target: 'person.middleName', from: ['middleName'] },
  { target: 'person.lastName', from: ['lastName'] },
  // Humaans requires a work email; a new hire often has none yet, so the personal one stands in.
  { target: 'person.email', from: ['workEmail', 'personalEmail'] },
  { target: 'person.personalEmail', from: ['personalEmail'] },
  { target: 'person.personalPhoneNumber', from: ['personalPhone'] },
  { target: 'person.employmentStartDate', from: ['employmentStartDate'] },
  { target: 'person.linkedIn', from: ['linkedIn'] },
  { target: 'person.twitter', from: ['twitter'] },
  { target: 'jobRole.jobTitle', from: ['jobTitle'] },
  { target: 'jobRole.department', from: ['department'] },
  { target: 'compensation.amount', from: ['salaryAmount'] },
  { target: 'compensation.currency', from: ['salaryCurrency'] },
];
