import { z } from 'zod';

/**
 * GET /api/v1/connections/:id/backfill: the connection's last backfill and how far it got, for a
 * progress bar that survives a reload; `run` is null when the connection never had one.
 */
export const backfillStatusResponseSchema = z.object({
  run: z
    .object({
      startedAt: z.string(),
      startedBy: z.string(),
      startsOnOrAfter: z.string().nullable(),
      /** Hired applications found in Ashby so far. */
      found: z.number().int(),
      /** Imports queued by the run. */
      queued: z.number().int(),
      /** Imports still waiting or running. */
      waiting: z.number().int(),
      /** New hires the run brought in. */
      imported: z.number().int(),
      /** Imports done without a new hire: skipped by the start-date cutoff, or already there. */
      skipped: z.number().int(),
      /** Listing Ashby's hires ended. */
      listed: z.boolean(),
      /** Listing ended and every import is done. */
      finished: z.boolean(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type BackfillStatusResponse = z.infer<typeof backfillStatusResponseSchema>;

/** POST /api/v1/connections/:id/sync: reconciliation now ("Sync now"), with what it found. */
export const syncNowResponseSchema = z.object({
  mode: z.enum(['incremental', 'full']),
  /** Applications Ashby reported changed (all, for a full sync). */
  seen: z.number().int(),
  /** Hired ones among them, handed to the import. */
  hired: z.number().int(),
  /** Imports newly queued (the rest were already waiting). */
  queued: z.number().int(),
});
export type SyncNowResponse = z.infer<typeof syncNowResponseSchema>;
