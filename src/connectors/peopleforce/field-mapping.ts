import { fieldRuleSchema, type FieldRule } from '../kit/field-mapping.js';

/**
 * HireBridge field -> PeopleForce, as data (the shared engine in kit/field-mapping.ts runs it). Targets:
 * `employee.<key>` goes in `POST /employees` (standard keys, or a custom field by its `internal_name`,
 * written flat as §4.2 step 4 says); `position.position_id|department_id|location_id` take a name that
 * is matched to PeopleForce's list of that name when pushing; `salary.amount|currency_code` the salary.
 */
export const peopleforceFieldRuleSchema = fieldRuleSchema(
  /^(employee\.[a-z][a-z0-9_]{0,99}|position\.(position_id|department_id|location_id)|salary\.(amount|currency_code))$/,
  'a PeopleForce field such as employee.first_name, employee.<custom internal_name>, position.department_id or salary.amount',
);

/** The default mapping HireBridge offers for PeopleForce (the admin's saved copy replaces it). */
export const PEOPLEFORCE_FIELD_PRESET: readonly FieldRule[] = [
  { target: 'employee.first_name', from: ['firstName'] },
  { target: 'employee.middle_name', from: ['middleName'] },
  { target: 'employee.last_name', from: ['lastName'] },
  { target: 'employee.email', from: ['workEmail'] },
  { target: 'employee.personal_email', from: ['personalEmail'] },
  { target: 'employee.mobile_number', from: ['personalPhone'] },
  { target: 'employee.hired_on', from: ['employmentStartDate'] },
  // Names, matched to PeopleForce's positions, departments and locations lists when pushing.
  { target: 'position.position_id', from: ['jobTitle'] },
  { target: 'position.department_id', from: ['department'] },
  { target: 'position.location_id', from: ['location'] },
  { target: 'salary.amount', from: ['salaryAmount'] },
  { target: 'salary.currency_code', from: ['salaryCurrency'] },
];
