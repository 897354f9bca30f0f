import { z } from 'zod';
import { calendarDaySchema } from './calendar-day.js';

const day = calendarDaySchema;

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
};

/**
 * GET /api/v1/audit/export.csv filters: `action` (one, or a group: `user` is every `user.*`), `actor`
 * (words of who did it: their name or id), `from`/`to` (days, both included, UTC).
 */
export const auditFilterQuerySchema = z.object({
  action: z.string().trim().min(1).max(100).optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  from: day.optional(),
  to: day.optional(),
});

/** GET /api/v1/audit: the filters above, newest first, with `limit` and `cursor` (the answer's nextCursor). */
export const listAuditQuerySchema = auditFilterQuerySchema.extend(page);

export const auditItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /** The target's name as it is now; null when it has none or no longer exists. */
  targetName: z.string().nullable(),
  /** Where the admin app shows the target (a path), when it has a page. */
  targetLink: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditItemResponse = z.infer<typeof auditItemSchema>;

/** A page of a log: pass `nextCursor` as `cursor` to read on; null when there is no more. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const auditPageSchema = pageOf(auditItemSchema);

/** GET /api/v1/deliveries/export.csv filters: connection, Ashby action, status, days (UTC). */
export const deliveryFilterQuerySchema = z.object({
  connectionId: z.string().max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  status: z.enum(['queued', 'processed', 'ignored']).optional(),
  from: day.optional(),
  to: day.optional(),
});

/** GET /api/v1/deliveries: the filters above, newest first, with `limit` and `cursor`. */
export const listDeliveriesQuerySchema = deliveryFilterQuerySchema.extend(page);
