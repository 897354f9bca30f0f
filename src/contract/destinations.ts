import { z } from 'zod';

/** Destinations and pushes: request schemas the server checks, response types the admin app reads. */

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const baseUrl = z.string().trim().max(2000, 'must be at most 2000 characters').nullable();

export const addDestinationRequestSchema = z.strictObject({
  type: z.string().min(1, 'is required').max(50),
  name,
  baseUrl: baseUrl.optional(),
  credentials: z.record(z.string().max(100), z.unknown(), { error: 'must be an object of credential keys' }),
  enabled: z.boolean().optional(),
});

export const updateDestinationRequestSchema = z.strictObject({
  name: name.optional(),
  baseUrl: baseUrl.optional(),
  credentials: z.record(z.string().max(100), z.unknown()).optional(),
  enabled: z.boolean().optional(),
});

export const addMemberRequestSchema = z.strictObject({
  destinations: z.array(z.string().min(1).max(100)).max(50).optional(),
});

export const listPushesQuerySchema = z.object({
  status: z.enum(['pending', 'delivered', 'failed', 'paused']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const destinationSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  baseUrl: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** "ok" or "credentials_refused" (pushes paused until a test passes or the destination is edited). */
  status: z.enum(['ok', 'credentials_refused']),
  statusMessage: z.string().nullable(),
});
export type DestinationResponse = z.infer<typeof destinationSchema>;

/** POST /api/v1/destinations: the destination, and credentials HireBridge generated (shown this once). */
export const addedDestinationSchema = destinationSchema.extend({
  generatedCredentials: z.record(z.string(), z.string()).optional(),
});
export type AddedDestinationResponse = z.infer<typeof addedDestinationSchema>;

/** POST /api/v1/destinations/:id/test: the check passed; paused pushes resumed. */
export const testedDestinationSchema = z.object({
  ok: z.literal(true),
  resumedPushes: z.number().int(),
  destination: destinationSchema,
});

export const destinationTypeSchema = z.object({
  type: z.string(),
  label: z.string(),
  capabilities: z.array(z.string()),
  defaultBaseUrl: z.string().nullable(),
  /** JSON Schema of the credentials an admin types. */
  credentialsSchema: z.unknown(),
  /** Credential keys HireBridge generates when left out (e.g. the webhook's signingSecret). */
  generatedKeys: z.array(z.string()),
  /** Whether destinations of this type have settings, a field mapping and a preview. */
  hasSettings: z.boolean(),
});
export type DestinationTypeResponse = z.infer<typeof destinationTypeSchema>;

export const pushSchema = z.object({
  destinationId: z.string(),
  destinationType: z.string(),
  memberId: z.string(),
  status: z.enum(['pending', 'delivered', 'failed', 'paused']),
  remoteId: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  warnings: z.array(z.string()),
  updatedAt: z.string(),
});
export type PushResponse = z.infer<typeof pushSchema>;

/** One field-mapping rule as the API carries it; the system's own targets are checked by the server. */
const mappingRule = z.looseObject({
  target: z.string({ error: 'must be the system field (text)' }).max(300, 'must be at most 300 characters'),
  from: z
    .array(z.string().max(100, 'must be at most 100 characters'), {
      error: 'must be a list of HireBridge field keys',
    })
    .max(10, 'must name at most 10 HireBridge fields'),
  list: z.string().max(100, 'must be at most 100 characters').optional(),
});

/** PUT /api/v1/destinations/:id/mapping: the whole mapping, or null to go back to the preset. */
export const putMappingRequestSchema = z.strictObject({
  rules: z
    .array(mappingRule, { error: 'must be a list of rules, or null for the preset' })
    .min(1, 'must hold at least one rule (null goes back to the preset)')
    .max(200, 'must hold at most 200 rules')
    .nullable(),
});

/** PATCH /api/v1/destinations/:id/settings: keys to change; null puts a key back to its default. */
export const patchDestinationSettingsRequestSchema = z.strictObject({
  settings: z.record(z.string().max(100), z.unknown(), { error: 'must be an object of settings' }),
});

/** POST /api/v1/destinations/:id/preview */
export const previewRequestSchema = z.strictObject({
  memberId: z.string({ error: 'is required: the member to preview' }).min(1, 'is required').max(100),
});

const mappingRuleSchema = z.object({
  target: z.string(),
  from: z.array(z.string()),
  list: z.string().optional(),
});
export type MappingRuleResponse = z.infer<typeof mappingRuleSchema>;

export const destinationMappingSchema = z.object({
  destinationId: z.string(),
  type: z.string(),
  rules: z.array(mappingRuleSchema),
  /** True while the destination uses the preset (nothing saved). */
  isPreset: z.boolean(),
  preset: z.array(mappingRuleSchema),
  /** The targets an admin may write, in words. */
  targets: z.string(),
  /** The HireBridge fields a rule can read (custom field keys are accepted too). */
  sourceFields: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type DestinationMappingResponse = z.infer<typeof destinationMappingSchema>;

export const destinationSettingsSchema = z.object({
  destinationId: z.string(),
  type: z.string(),
  /** The settings in effect (defaults filled), the mapping apart. */
  settings: z.record(z.string(), z.unknown()),
  /** The keys the admin saved (the others are defaults). */
  savedKeys: z.array(z.string()),
  /** JSON Schema of the settings form. */
  schema: z.unknown(),
});
export type DestinationSettingsResponse = z.infer<typeof destinationSettingsSchema>;

export const destinationPreviewSchema = z.object({
  destinationId: z.string(),
  memberId: z.string(),
  /** Nothing was sent: these are the requests a push would make, in order. */
  requests: z.array(z.object({ step: z.string(), method: z.string(), path: z.string(), body: z.unknown() })),
  notes: z.array(z.string()),
  /** What the system is asked when pushing (list item ids, the manager...). */
  atPush: z.array(z.string()),
  /** Required fields with no value: a push would fail naming these. */
  missing: z.array(z.string()),
});
export type DestinationPreviewResponse = z.infer<typeof destinationPreviewSchema>;
