import { z } from 'zod';
import { calendarDaySchema } from './calendar-day.js';
import { historyEntrySchema, reportingToSchema } from './inbox.js';

const isoDay = calendarDaySchema;

/**
 * GET /api/v1/new-hires: search (`q`: name, email or job title), filters, sort, and pagination with
 * `limit` and `cursor` (pass the answer's `nextCursor` to read on; null when there is no more).
 */
export const listNewHiresQuerySchema = z.object({
  status: z.enum(['in_review', 'added', 'deleted']).optional(),
  connectionId: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
  startFrom: isoDay.optional(),
  startTo: isoDay.optional(),
  sort: z.enum(['arrived', 'startDate']).default('arrived'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

const fieldValue = z.union([
  z.string(),
  z.number(),
  z.object({ name: z.string(), email: z.string().nullable() }),
]);

export const newHireFieldSchema = z.object({
  value: fieldValue.nullable(),
  source: z.object({ ruleId: z.string(), description: z.string(), usedDefault: z.boolean() }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

export const newHireSchema = z.object({
  id: z.string(),
  status: z.enum(['in_review', 'added', 'deleted']),
  fields: z.record(z.string(), newHireFieldSchema),
  missingRequired: z.array(z.string()),
  editedFields: z.array(z.string()),
  memberId: z.string().nullable(),
  source: z.object({
    connectionId: z.string(),
    candidateId: z.string(),
    applicationId: z.string(),
    offerId: z.string().nullable(),
  }),
  importedAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type NewHireResponse = z.infer<typeof newHireSchema>;

/** The single-new-hire view adds how Reporting to resolves and the history. */
export const newHireDetailSchema = newHireSchema.extend({
  reportingTo: reportingToSchema,
  history: z.array(historyEntrySchema),
});
export type NewHireDetailResponse = z.infer<typeof newHireDetailSchema>;

/** POST /api/v1/new-hires/:id/restore: the hire comes back to review once its import (queued) has run. */
export const restoredNewHireSchema = z.object({ restored: z.literal(true) });
