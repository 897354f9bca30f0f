import { z } from 'zod';

/** POST /api/v1/members/:id/erase: erasing cannot be undone, so the caller confirms it in the body. */
export const eraseMemberRequestSchema = z.strictObject({
  confirm: z.literal(true, { error: 'must be true: erasing a member cannot be undone' }),
});

const destinationRef = z.object({ destinationId: z.string(), name: z.string() });

export const erasureReportSchema = z.object({
  memberId: z.string(),
  /** Stored files queued for removal from the document storage. */
  files: z.number().int(),
  /** Destinations that will be sent `member.deleted`. */
  told: z.array(destinationRef),
  /** Destinations that had the person but cannot be told (remove the person there by hand). */
  notTold: z.array(destinationRef.extend({ reason: z.string() })),
});
export type ErasureReportResponse = z.infer<typeof erasureReportSchema>;

/** GET /api/v1/erasure-requests: members Ashby deleted, waiting for an admin to erase them. */
export const erasureRequestsResponseSchema = z.object({
  items: z.array(
    z.object({
      memberId: z.string(),
      name: z.string().nullable(),
      connectionId: z.string(),
      requestedAt: z.string(),
    }),
  ),
});
export type ErasureRequestsResponse = z.infer<typeof erasureRequestsResponseSchema>;
