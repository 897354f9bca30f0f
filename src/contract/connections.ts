import { z } from 'zod';

export const connectAshbyRequestSchema = z.strictObject({
  apiKey: z.string().min(1, 'is required').max(500),
  apiUrl: z.string().url('must be a URL').max(500).optional(),
  name: z.string().max(100).optional(),
  /** The HireBridge user (an admin) connecting: the default recipient of new-hire notifications. */
  connectedByUserId: z.string().min(1).max(100).optional(),
});

export const reconnectAshbyRequestSchema = z.strictObject({
  apiKey: z.string().min(1, 'is required').max(500),
});

const permissionCheck = z.object({ name: z.string(), granted: z.boolean(), purpose: z.string() });

export const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  apiUrl: z.string(),
  webhookUrl: z.string(),
  permissions: z.object({ required: z.array(permissionCheck), optional: z.array(permissionCheck) }),
  ashbyWebhooks: z.array(
    z.object({
      webhookType: z.string(),
      id: z.string().nullable(),
      enabled: z.boolean(),
      error: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  lastPingAt: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
});
export type ConnectionResponse = z.infer<typeof connectionSchema>;

/** POST /api/v1/connections/ashby: the connection and the Secret Token to paste into Ashby (shown again on request). */
export const connectedSchema = connectionSchema.extend({ secretToken: z.string() });

/** GET /api/v1/connections/:id/webhook-secret (admins; audited). */
export const webhookSecretSchema = z.object({ secretToken: z.string() });
