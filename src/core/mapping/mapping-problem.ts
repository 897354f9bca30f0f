/**
 * A reason a mapping spec is refused. Validation collects every problem instead of stopping at the
 * first, and names the rule (or custom target) each one is about, so an admin can fix them all at once.
 */
export const MAPPING_PROBLEM_CODES = [
  /** The JSON does not have the spec's shape (wrong version, unknown property, bad type). */
  'invalid_shape',
  'duplicate_rule_id',
  /** The target is neither a canonical field nor a custom target of the spec. */
  'unknown_target',
  /** Two enabled rules fill the same target. */
  'duplicate_target',
  /** A required canonical field has no rule at all. */
  'required_field_unmapped',
  /** A required canonical field has rules, but all are switched off. */
  'required_field_disabled',
  /** A custom target reuses a canonical key. */
  'custom_target_clash',
  'duplicate_custom_target',
  /** The custom field id is not among the Ashby definitions given. */
  'unknown_custom_field',
  /** The custom field belongs to another Ashby object than the rule says. */
  'custom_field_wrong_object',
  /** The transform cannot take the value the source yields. */
  'transform_incompatible',
  /** The (transformed) value cannot fill a field of the target's type. */
  'target_incompatible',
  /** A defaultWhenEmpty constant is not a valid value for the target. */
  'invalid_default',
  /** A lookup table has duplicate keys or a replacement that is not a valid value for the target. */
  'invalid_lookup',
  /** A rule marks a name, email or the start date sensitive: those stay searchable in plaintext. */
  'sensitive_not_allowed',
] as const;

export type MappingProblemCode = (typeof MAPPING_PROBLEM_CODES)[number];

export interface MappingProblem {
  readonly code: MappingProblemCode;
  /** The rule concerned, `null` for problems about custom targets or the whole spec. */
  readonly ruleId: string | null;
  /** The target field concerned, when there is one. */
  readonly target: string | null;
  readonly message: string;
}
