import { z } from 'zod';

/**
 * POST /api/v1/connections/:id/mapping/reapply (admins): the saved mapping applied to the connection's
 * hires still in review. With `preview: true` nothing is queued and the answer says, hire by hire, what
 * would change (the first 20 read from Ashby); otherwise each is reimported on the queue, reviewer edits
 * still winning.
 */
export const reapplyMappingRequestSchema = z.strictObject({
  preview: z.boolean().default(false),
});

export const reapplyMappingResponseSchema = z.object({
  preview: z.boolean(),
  /** Hires of the connection in review: what Apply reimports. */
  inReview: z.number().int(),
  /** Reimports newly queued (the rest already waited); null in a preview. */
  queued: z.number().int().nullable(),
  /** In a preview: the hires read, each with the fields that would change; empty otherwise. */
  items: z.array(
    z.object({
      newHireId: z.string(),
      name: z.string().nullable(),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
      problem: z.string().nullable(),
    }),
  ),
});
export type ReapplyMappingResponse = z.infer<typeof reapplyMappingResponseSchema>;
