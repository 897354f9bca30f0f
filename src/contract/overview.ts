import { z } from 'zod';

/**
 * GET /api/v1/overview: the landing page's figures (admins and inbox managers). Times are ISO 8601;
 * dates YYYY-MM-DD; months YYYY-MM; days and months are UTC.
 */
export const overviewSchema = z.object({
  generatedAt: z.string(),
  review: z.object({
    /** Hires in review. */
    total: z.number().int(),
    /** How many have waited at least `label` (1 day, 3 days, 7 days). */
    olderThan: z.array(z.object({ label: z.string(), count: z.number().int() })),
    /** The longest waiting, oldest first (at most 10). */
    oldest: z.array(z.object({ id: z.string(), name: z.string().nullable(), arrivedAt: z.string() })),
  }),
  upcomingStarts: z.object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        name: z.string().nullable(),
        startDate: z.string(),
        status: z.enum(['in_review', 'added']),
      }),
    ),
  }),
  /** The last 12 months, oldest first, by the month each hire arrived (deleted ones not counted). */
  hiresPerMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  /** Median time from a hire's arrival to Add member, over members added in the last 12 months. */
  timeToAdd: z.object({
    count: z.number().int(),
    medianHours: z.number().nullable(),
    since: z.string(),
  }),
  /**
   * What failed and waits for a person. `kind` is an open list (destination pushes will add
   * `failed_pushes`): clients show kinds they do not know by their `label`.
   */
  attention: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        count: z.number().int(),
        oldestAt: z.string().nullable(),
        /** The admin app page where they are looked into, when there is one. */
        page: z.string().nullable(),
      }),
    ),
  }),
});
export type OverviewResponse = z.infer<typeof overviewSchema>;
