import { z } from 'zod';

/** The most new hires one bulk request may name: larger batches are refused with a 400, nothing done. */
export const BULK_LIMIT = 200;

const ids = z
  .array(z.string().min(1).max(100))
  .min(1, 'choose at least one new hire')
  .max(BULK_LIMIT, `at most ${String(BULK_LIMIT)} new hires in one request; send the rest in another`);

/** POST /api/v1/new-hires/bulk-add-member: Add member for each id (destinations as for one hire). */
export const bulkAddMemberRequestSchema = z.strictObject({
  ids,
  destinations: z.array(z.string().min(1).max(100)).max(50).optional(),
});

/** POST /api/v1/new-hires/bulk-delete: Delete new hire for each id. */
export const bulkDeleteRequestSchema = z.strictObject({ ids });

/**
 * The answer of both: one item per distinct id, in the order sent; each hire was done in its own
 * transaction, so the ones that are `ok` stay done whatever happened to the others.
 */
export const bulkResultSchema = z.object({
  items: z.array(
    z.union([
      z.object({
        id: z.string(),
        ok: z.literal(true),
        memberId: z.string().optional(),
        created: z.boolean().optional(),
      }),
      z.object({ id: z.string(), ok: z.literal(false), code: z.string(), problem: z.string() }),
    ]),
  ),
  done: z.number().int(),
  failed: z.number().int(),
});
export type BulkResultResponse = z.infer<typeof bulkResultSchema>;
