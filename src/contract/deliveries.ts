import { z } from 'zod';

export const deliverySchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  webhookActionId: z.string(),
  action: z.string(),
  applicationId: z.string().nullable(),
  status: z.enum(['queued', 'processed', 'ignored']),
  outcome: z.string().nullable(),
  receivedAt: z.string(),
  processedAt: z.string().nullable(),
  /** The new hire the delivery's application became, with its name as it is now. */
  newHire: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
export type DeliveryResponse = z.infer<typeof deliverySchema>;

/** POST /api/v1/deliveries/:id/replay: the application's import is queued again (unless one waits). */
export const replayResponseSchema = z.object({
  deliveryId: z.string(),
  applicationId: z.string().nullable(),
  queued: z.boolean(),
});
