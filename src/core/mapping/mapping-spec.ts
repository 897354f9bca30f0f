import { z } from 'zod';
import { SECTIONS, VALUE_TYPES } from '../model/new-hire-fields.js';
import { BUILTIN_SOURCE_IDS } from './builtin-sources.js';
import type { MappingProblem } from './mapping-problem.js';
import { transformSchema } from './transform-spec.js';

/**
 * The field mapping of one Ashby connection, stored as versioned JSON data. A later format gets
 * `version: 2` and a migration; this schema only ever accepts version 1. Semantic checks (targets that
 * exist, required fields on, types that fit) are in validate-mapping.ts; this file checks the shape.
 */

/** The Ashby objects whose custom fields a rule can read; `offer` is the accepted offer's latest version. */
export const CUSTOM_FIELD_OBJECTS = ['candidate', 'application', 'offer', 'job'] as const;
export type CustomFieldObject = (typeof CUSTOM_FIELD_OBJECTS)[number];

/** Rule ids are chosen by admins and shown in validation messages. */
const ruleId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 letters, digits, dots, dashes or underscores');

/** camelCase like the canonical keys, so custom and canonical fields look alike in API payloads. */
const customTargetKey = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'must be camelCase: a lower-case letter, then letters or digits');

export const customFieldSourceSchema = z.strictObject({
  customField: z.strictObject({
    object: z.enum(CUSTOM_FIELD_OBJECTS),
    /** The Ashby custom-field id: stable when the field is renamed, unlike its title. */
    fieldId: z.string().trim().min(1).max(200),
  }),
});

export const sourceSchema = z.union([z.enum(BUILTIN_SOURCE_IDS), customFieldSourceSchema]);

export const ruleSchema = z.strictObject({
  id: ruleId,
  source: sourceSchema,
  /** A canonical field key or the key of one of the spec's custom targets. */
  target: z.string().min(1).max(64),
  transform: transformSchema.optional(),
  /** Optional fields can be switched off; required canonical fields cannot (see validate-mapping.ts). */
  enabled: z.boolean(),
  /** The target's values are sealed at rest (core/mapping/sensitive-fields.ts); names and emails cannot be. */
  sensitive: z.boolean().optional(),
});

export const customTargetSchema = z.strictObject({
  key: customTargetKey,
  label: z.string().trim().min(1).max(100),
  section: z.enum(SECTIONS),
  type: z.enum(VALUE_TYPES),
  required: z.boolean(),
  /** Values sealed at rest; a custom target in the Compensation section always is. */
  sensitive: z.boolean().optional(),
});

export const mappingSpecSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(ruleSchema).max(500),
  customTargets: z.array(customTargetSchema).max(100),
});

export type MappingSource = z.output<typeof sourceSchema>;
export type CustomFieldSource = z.output<typeof customFieldSourceSchema>;
export type MappingRule = z.output<typeof ruleSchema>;
export type CustomTarget = z.output<typeof customTargetSchema>;
export type MappingSpec = z.output<typeof mappingSpecSchema>;

export function isCustomFieldSource(source: MappingSource): source is CustomFieldSource {
  return typeof source === 'object';
}

export type ParsedMappingSpec =
  | { readonly ok: true; readonly spec: MappingSpec }
  | { readonly ok: false; readonly problems: readonly MappingProblem[] };

/** The rule id at `rules[index]` of raw input, if it has a readable one, to name shape problems by rule. */
function ruleIdAt(input: unknown, index: unknown): string | null {
  if (typeof index !== 'number' || typeof input !== 'object' || input === null) return null;
  const rules = (input as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return null;
  const rule: unknown = rules[index];
  const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length <= 64 ? id : `#${index + 1}`;
}

/** Parse untrusted JSON (an API body, a CLI file) into a spec, naming every shape problem. */
export function parseMappingSpec(input: unknown): ParsedMappingSpec {
  const parsed = mappingSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  const problems = parsed.error.issues.map((issue): MappingProblem => {
    const [head, index] = issue.path;
    const where = issue.path.length === 0 ? 'mapping' : issue.path.map(String).join('.');
    return {
      code: 'invalid_shape',
      ruleId: head === 'rules' ? ruleIdAt(input, index) : null,
      target: null,
      message: `${where}: ${issue.message}`,
    };
  });
  return { ok: false, problems };
}
