import { fieldRuleSchema, type FieldRule } from '../kit/field-mapping.js';

/**
 * HireBridge field -> HiBob field, as data: the preset below is what a new HiBob destination starts with,
 * and an admin's edited copy (GET|PUT mapping, preview) has the same shape. Targets are HiBob field paths
 * as fields metadata names them (`GET /company/people/fields`, §2.3 step 1, §2.6): `root.*` and `home.*`
 * go in the create body, `work.*` in the create body and the hire's work entry (`work.customColumns.*`
 * only there), `salary.*` in the salary entry. Custom fields are targets by their HiBob id, e.g.
 * `root.custom.field_1696` or `work.customColumns.column_1700`.
 */
export const hibobFieldRuleSchema = fieldRuleSchema(
  /^(root|home|work|about|payroll|employment|salary|custom)(\.[A-Za-z0-9_]+)+$/,
  'a HiBob field path such as work.title or root.custom.field_1696',
  { lists: true },
);
export type HibobFieldRule = FieldRule;

export const HIBOB_PRESET_MAPPING: readonly HibobFieldRule[] = [
  { target: 'root.firstName', from: ['firstName'] },
  { target: 'root.secondName', from: ['middleName'] },
  { target: 'root.surname', from: ['lastName'] },
  // Bob requires a work email; a new hire often has none yet, so the personal one stands in.
  { target: 'root.email', from: ['workEmail', 'personalEmail'] },
  // Pre-onboarding invites go to the personal email (§2.7): always send it.
  { target: 'home.privateEmail', from: ['personalEmail'] },
  { target: 'home.mobilePhone', from: ['personalPhone'] },
  { target: 'work.startDate', from: ['employmentStartDate'] },
  { target: 'work.title', from: ['jobTitle'] },
  { target: 'work.department', from: ['department'], list: 'department' },
  // `site` takes the site's name in the official create example (§0).
  { target: 'work.site', from: ['location'] },
  { target: 'about.socialData.linkedin', from: ['linkedIn'] },
  { target: 'salary.base.value', from: ['salaryAmount'] },
  { target: 'salary.base.currency', from: ['salaryCurrency'] },
];
