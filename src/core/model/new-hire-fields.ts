/**
 * The canonical fields of a new hire: the keys every part of HireBridge (mapping, inbox, directory,
 * destinations) agrees on. Which ones are required follows PRODUCT.md C4; a required field cannot be
 * switched off in the mapping, and Add member is refused while one is empty.
 */

/** Profile sections, in display order. */
export const SECTIONS = ['basics', 'jobRole', 'compensation', 'employment'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * What a field holds. string/email/url/currency (ISO 4217 code)/date (`YYYY-MM-DD`)/phone (E.164) are strings, number is
 * a finite number, person is `{name, email}` (see field-value.ts).
 */
export const VALUE_TYPES = [
  'string',
  'email',
  'date',
  'number',
  'currency',
  'person',
  'url',
  'phone',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const CANONICAL_FIELD_KEYS = [
  'firstName',
  'middleName',
  'lastName',
  'personalEmail',
  'personalPhone',
  'employmentStartDate',
  'jobTitle',
  'department',
  'location',
  'reportingTo',
  'salaryAmount',
  'salaryCurrency',
  'linkedIn',
  'twitter',
] as const;
export type CanonicalFieldKey = (typeof CANONICAL_FIELD_KEYS)[number];

/** A field a new hire can carry: canonical, or a custom target an admin defined in the mapping. */
export interface FieldDefinition {
  readonly key: string;
  readonly label: string;
  readonly section: Section;
  readonly type: ValueType;
  readonly required: boolean;
  /** Lowest accepted number for number fields (salary cannot be negative); `null` for no bound. */
  readonly min: number | null;
  /** Its values are sealed at rest (set by mappingTargets from the mapping; see sensitive-fields.ts). */
  readonly sensitive?: boolean;
}

export interface CanonicalFieldDefinition extends FieldDefinition {
  readonly key: CanonicalFieldKey;
}

function field(
  key: CanonicalFieldKey,
  label: string,
  section: Section,
  type: ValueType,
  required: boolean,
  min: number | null = null,
): CanonicalFieldDefinition {
  return { key, label, section, type, required, min };
}

/** Every canonical field, in the order of CANONICAL_FIELD_KEYS. */
export const NEW_HIRE_FIELDS: readonly CanonicalFieldDefinition[] = [
  field('firstName', 'First name', 'basics', 'string', true),
  field('middleName', 'Middle name', 'basics', 'string', false),
  field('lastName', 'Last name', 'basics', 'string', true),
  field('personalEmail', 'Personal email', 'basics', 'email', true),
  field('personalPhone', 'Personal phone', 'basics', 'phone', false),
  field('employmentStartDate', 'Employment start date', 'employment', 'date', true),
  field('jobTitle', 'Job title', 'jobRole', 'string', true),
  field('department', 'Department', 'jobRole', 'string', false),
  field('location', 'Location', 'jobRole', 'string', false),
  field('reportingTo', 'Reporting to', 'jobRole', 'person', false),
  field('salaryAmount', 'Salary amount', 'compensation', 'number', false, 0),
  field('salaryCurrency', 'Salary currency', 'compensation', 'currency', false),
  field('linkedIn', 'LinkedIn', 'basics', 'url', false),
  field('twitter', 'Twitter', 'basics', 'url', false),
];

const BY_KEY = new Map<string, CanonicalFieldDefinition>(NEW_HIRE_FIELDS.map((f) => [f.key, f]));

export function isCanonicalFieldKey(key: string): key is CanonicalFieldKey {
  return BY_KEY.has(key);
}

export function canonicalField(key: CanonicalFieldKey): CanonicalFieldDefinition {
  const found = BY_KEY.get(key);
  if (found === undefined) throw new Error(`unknown canonical field ${key}`);
  return found;
}

/** The canonical keys Add member needs filled, in catalog order. */
export const REQUIRED_CANONICAL_KEYS: readonly CanonicalFieldKey[] = NEW_HIRE_FIELDS.filter(
  (f) => f.required,
).map((f) => f.key);
