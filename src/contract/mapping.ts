import { z } from 'zod';
import { newHireFieldSchema, newHireSchema } from './new-hires.js';

/*
 * The field-mapping API. The mapping document itself (PUT body, `mapping` of a preview) is checked by the
 * server's mapping engine, which names every problem by rule (`details.problems` of a 400
 * validation_failed); the schemas below describe what the server answers.
 */

const customFieldSource = z.object({
  customField: z.object({
    object: z.enum(['candidate', 'application', 'offer', 'job']),
    fieldId: z.string(),
  }),
});

export const mappingRuleSchema = z.object({
  id: z.string(),
  /** A built-in source id ("offer.startDate", ...) or an Ashby custom field by id. */
  source: z.union([z.string(), customFieldSource]),
  target: z.string(),
  /** One of the closed set of transforms: {kind: "selectLabel" | "lookup" | "datePart" | ...}. */
  transform: z.record(z.string(), z.unknown()).optional(),
  enabled: z.boolean(),
  /** The target's values are sealed at rest (names, emails and the start date cannot be). */
  sensitive: z.boolean().optional(),
});

export const customTargetSchema = z.object({
  key: z.string(),
  label: z.string(),
  section: z.enum(['basics', 'jobRole', 'compensation', 'employment']),
  type: z.enum(['string', 'email', 'date', 'number', 'currency', 'person', 'url', 'phone']),
  required: z.boolean(),
  sensitive: z.boolean().optional(),
});

export const mappingSpecSchema = z.object({
  version: z.literal(1),
  rules: z.array(mappingRuleSchema),
  customTargets: z.array(customTargetSchema),
});

/**
 * A field new hires can carry under the mapping; `custom` for an admin-defined target; `sensitive` when
 * its values are sealed at rest (Compensation, personal phone, or marked by the mapping).
 */
export const mappingTargetSchema = customTargetSchema.extend({
  custom: z.boolean(),
  sensitive: z.boolean(),
  /** Whether a rule may mark it: Compensation and phone are always sealed, names and emails never. */
  sensitivity: z.enum(['always', 'never', 'optional']),
});
export type MappingTargetResponse = z.infer<typeof mappingTargetSchema>;

export const mappingResponseSchema = z.object({
  connectionId: z.string(),
  /** The saved revision in force; null (and isDefault) while the built-in default mapping applies. */
  revision: z.number().int().nullable(),
  isDefault: z.boolean(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  mapping: mappingSpecSchema,
  targets: z.array(mappingTargetSchema),
});
export type MappingResponse = z.infer<typeof mappingResponseSchema>;

/**
 * PUT /api/v1/connections/:id/mapping: the whole mapping document. The mapping engine checks it and
 * names every problem by rule, so the route takes it as it is; its shape is documented from the schema
 * the server answers with.
 */
const mappingSpecJsonSchema: Record<string, unknown> = z.toJSONSchema(mappingSpecSchema, { io: 'input' });
delete mappingSpecJsonSchema['$schema'];
export const mappingDocumentSchema = z.unknown().meta({
  ...mappingSpecJsonSchema,
  description: 'The whole mapping ({version: 1, rules, customTargets}); every problem is named by rule',
});

/** GET /api/v1/new-hire-fields: a connection's fields; without one, the standard fields. */
export const newHireFieldsQuerySchema = z.object({ connectionId: z.string().min(1).max(100).optional() });

export const previewMappingRequestSchema = z
  .strictObject({
    applicationId: z.string().min(1).max(200).optional(),
    newHireId: z.string().min(1).max(100).optional(),
    /** A mapping to try instead of the saved one; checked like a PUT, never saved. */
    mapping: z.unknown().optional(),
  })
  .refine((b) => (b.applicationId === undefined) !== (b.newHireId === undefined), {
    message: 'send exactly one of applicationId and newHireId',
  });

export const mappingPreviewResponseSchema = z.object({
  connectionId: z.string(),
  applicationId: z.string(),
  newHireId: z.string().nullable(),
  revision: z.number().int().nullable(),
  unsaved: z.boolean(),
  fields: z.record(z.string(), newHireFieldSchema),
  missingRequired: z.array(z.string()),
  targets: z.array(mappingTargetSchema),
});
export type MappingPreviewResponse = z.infer<typeof mappingPreviewResponseSchema>;

export const ashbyFieldsQuerySchema = z.object({
  /** `true` reads customField.list from Ashby again instead of the few-minute cache. */
  fresh: z.enum(['true', 'false']).default('false'),
});

export const ashbyFieldSchema = z.object({
  id: z.string(),
  title: z.string(),
  objectType: z.string(),
  fieldType: z.string(),
  isArchived: z.boolean(),
  selectableValues: z.array(z.object({ label: z.string(), value: z.string() })).nullable(),
  /** The rule source reading this field, ready to paste; null for objects a rule cannot read. */
  source: customFieldSource.nullable(),
});
export type AshbyFieldResponse = z.infer<typeof ashbyFieldSchema>;

export const reimportResponseSchema = z.object({
  outcome: z.enum(['created', 'updated', 'unchanged', 'restored', 'pending_member_update', 'tombstoned']),
  newHire: newHireSchema,
});
export type ReimportResponse = z.infer<typeof reimportResponseSchema>;
