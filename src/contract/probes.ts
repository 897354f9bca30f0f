import { z } from 'zod';

/** GET /healthz: the process answers. */
export const healthSchema = z.object({ status: z.literal('ok') });

/** GET /readyz: 200 when ready (the database answers, every migration applied), else 503. */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  ready: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
});

/** POST /webhooks/ashby/:connectionId: stored (or a duplicate), or Ashby's ping. */
export const webhookReceivedSchema = z.union([
  z.object({ received: z.literal(true), ping: z.literal(true) }),
  z.object({ received: z.literal(true), duplicate: z.boolean() }),
]);
