import { z } from 'zod';

export const listDeliveriesQuerySchema = z.object({
  connectionId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

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
});
export type DeliveryResponse = z.infer<typeof deliverySchema>;
