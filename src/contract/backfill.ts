import { z } from 'zod';
import { calendarDaySchema } from './calendar-day.js';

/**
 * POST /api/v1/connections/:id/backfill (admins): imports hires Ashby already has. By default only those
 * starting today or later; `since` moves that day, `includePast` imports every hire.
 */
export const backfillRequestSchema = z
  .object({
    since: calendarDaySchema.optional(),
    includePast: z.boolean().optional(),
  })
  .strict();

export const backfillResponseSchema = z.object({
  /** Hired applications found in Ashby. */
  found: z.number().int(),
  /** Imports newly queued (the rest already waited). */
  queued: z.number().int(),
  /** Hires starting before this day are skipped; null when every hire is imported. */
  startsOnOrAfter: z.string().nullable(),
});
export type BackfillResponse = z.infer<typeof backfillResponseSchema>;
