import { z } from 'zod';

/**
 * A calendar day as the API takes it, YYYY-MM-DD, that exists (no 30 February). One schema for every
 * request, so each date says the same thing when it is wrong.
 */
export const calendarDaySchema = z
  .string()
  .max(10, 'must be a date as YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (d) => {
      // Runs after a failed pattern too (zod reports every problem), so an unparseable text is no date.
      const at = new Date(`${d}T00:00:00Z`);
      return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(d);
    },
    // The value is named, so a form or a script sees which date it was (2026-02-30 is not a date...).
    { error: (issue) => `${String(issue.input).slice(0, 10)} is not a date in the calendar` },
  );
