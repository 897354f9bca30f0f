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
