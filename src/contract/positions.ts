import { z } from 'zod';
import { calendarDaySchema } from './calendar-day.js';

const day = calendarDaySchema;
const employmentType = z.enum(['FullTime', 'PartTime', 'Intern', 'Contract', 'Temporary'], {
  error: 'must be FullTime, PartTime, Intern, Contract or Temporary',
});
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const positionFields = {
  title: z.string().trim().min(1, 'is required').max(200),
  department: optionalText(200),
  location: optionalText(200),
  employmentType: employmentType.optional(),
  targetHireDate: day.nullable().optional(),
  targetStartDate: day.nullable().optional(),
  recruiting: z.boolean().optional(),
  requisitionId: optionalText(100),
  description: z.string().max(20_000).optional(),
  ashbyJobId: optionalText(100),
  customFields: z
    .record(z.string().trim().min(1).max(100), z.string().max(2_000))
    .refine((v) => Object.keys(v).length <= 50, 'at most 50 custom fields')
    .optional(),
};

/** POST /api/v1/positions. Omitted: not recruiting, FullTime, no dates. */
export const createPositionRequestSchema = z.strictObject(positionFields);

/** PATCH /api/v1/positions/:id: the keys given change; null clears a value. */
export const updatePositionRequestSchema = z.strictObject({
  ...positionFields,
  title: positionFields.title.optional(),
});

export const closePositionRequestSchema = z.strictObject({
  reason: z.string().trim().min(1, 'is required').max(200),
});

export const listPositionsQuerySchema = z.object({
  status: z.enum(['open', 'filled', 'closed'], { error: 'must be open, filled or closed' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const positionSchema = z.object({
  id: z.string(),
  title: z.string(),
  department: z.string().nullable(),
  location: z.string().nullable(),
  employmentType: z.string(),
  targetHireDate: z.string().nullable(),
  targetStartDate: z.string().nullable(),
  recruiting: z.boolean(),
  requisitionId: z.string().nullable(),
  description: z.string(),
  ashbyJobId: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  status: z.enum(['open', 'filled', 'closed']),
  closeReason: z.string().nullable(),
  filledBy: z.object({ memberId: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PositionResponse = z.infer<typeof positionSchema>;

/** POST /api/v1/positions/import: a positions CSV (the columns of `hirebridge positions import`). */
export const importPositionsRequestSchema = z.strictObject({ csv: z.string().max(900_000) });

/** Rows imported, and the bad ones by line (skipped). */
export const importPositionsResponseSchema = z.object({
  imported: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

/** PUT /api/v1/connections/:id/openings/settings. */
export const openingSyncSettingsRequestSchema = z.strictObject({
  enabled: z.boolean(),
  customFields: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

export const openingSyncSettingsSchema = z.object({
  connectionId: z.string(),
  enabled: z.boolean(),
  customFields: z.array(z.string()),
});
export type OpeningSyncSettingsResponse = z.infer<typeof openingSyncSettingsSchema>;

export const openingSyncRunSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  created: z.number().int(),
  updated: z.number().int(),
  closed: z.number().int(),
  failed: z.number().int(),
  errors: z.array(z.object({ positionId: z.string().nullable(), message: z.string() })),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type OpeningSyncRunResponse = z.infer<typeof openingSyncRunSchema>;

/** GET /api/v1/connections/:id/openings/sync. */
export const openingSyncRunsSchema = z.object({
  settings: openingSyncSettingsSchema,
  runs: z.array(openingSyncRunSchema),
});
export type OpeningSyncRunsResponse = z.infer<typeof openingSyncRunsSchema>;

/** POST /api/v1/connections/:id/openings/sync: a run is queued. */
export const openingSyncQueuedSchema = z.object({ runId: z.string(), status: z.literal('queued') });
