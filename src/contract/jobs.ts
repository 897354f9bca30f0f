import { z } from 'zod';

export const jobStateSchema = z.enum(['available', 'running', 'completed', 'dead']);

export const listJobsQuerySchema = z.object({
  state: jobStateSchema.optional(),
  kind: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobStateSchema,
  attempt: z.number(),
  maxAttempts: z.number(),
  runAt: z.string(),
  uniqueKey: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobResponse = z.infer<typeof jobSchema>;
