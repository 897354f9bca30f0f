import { NEW_HIRE_FIELDS, type FieldDefinition } from '../model/new-hire-fields.js';
import type { MappingSpec } from './mapping-spec.js';

/**
 * Which field values are personal enough to be sealed at rest (issue "personal data at rest"): the
 * Compensation section, the personal phone, and whatever an admin marks sensitive in a mapping.
 */
export const ALWAYS_SENSITIVE_KEYS: readonly string[] = [
  ...NEW_HIRE_FIELDS.filter((f) => f.section === 'compensation').map((f) => f.key),
  'personalPhone',
];

/**
 * Fields that stay in plaintext whatever a mapping says: names and emails are how people search and
 * match members (name_key, email keys), and the start date is filtered in SQL by the Overview. Sealing
 * them would turn every search into decrypting the whole table.
 */
export const NEVER_SENSITIVE_KEYS: readonly string[] = [
  'firstName',
  'middleName',
  'lastName',
  'personalEmail',
  'employmentStartDate',
];

/** Whether a mapping may choose to seal the field: some always are, some never. */
export function sensitivityOf(
  field: Pick<FieldDefinition, 'key' | 'section'>,
): 'always' | 'never' | 'optional' {
  if (field.section === 'compensation' || ALWAYS_SENSITIVE_KEYS.includes(field.key)) return 'always';
  return NEVER_SENSITIVE_KEYS.includes(field.key) ? 'never' : 'optional';
}

/** The keys one mapping marks sensitive, on top of ALWAYS_SENSITIVE_KEYS. */
export function sensitiveKeysOf(spec: MappingSpec): string[] {
  const keys = new Set<string>();
  for (const target of spec.customTargets)
    if (target.sensitive === true || target.section === 'compensation') keys.add(target.key);
  for (const rule of spec.rules) if (rule.sensitive === true) keys.add(rule.target);
  return [...keys].filter((k) => !NEVER_SENSITIVE_KEYS.includes(k));
}
