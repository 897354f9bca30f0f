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

export interface PositionResponse {
  id: string;
  title: string;
  department: string | null;
  location: string | null;
  employmentType: string;
  targetHireDate: string | null;
  targetStartDate: string | null;
  recruiting: boolean;
  requisitionId: string | null;
  description: string;
  ashbyJobId: string | null;
  customFields: Record<string, string>;
  status: 'open' | 'filled' | 'closed';
  closeReason: string | null;
  filledBy: { memberId: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** PUT /api/v1/connections/:id/openings/settings. */
export const openingSyncSettingsRequestSchema = z.strictObject({
  enabled: z.boolean(),
  customFields: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
});

export interface OpeningSyncSettingsResponse {
  connectionId: string;
  enabled: boolean;
  customFields: string[];
}

export interface OpeningSyncRunResponse {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  created: number;
  updated: number;
  closed: number;
  failed: number;
  errors: { positionId: string | null; message: string }[];
  startedAt: string | null;
  finishedAt: string | null;
}

/** GET /api/v1/connections/:id/openings/sync. */
export interface OpeningSyncRunsResponse {
  settings: OpeningSyncSettingsResponse;
  runs: OpeningSyncRunResponse[];
}
