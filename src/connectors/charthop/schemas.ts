import { z } from 'zod';

/**
 * ChartHop wire shapes (hris-apis.md §5; the guessed parts are named in assumptions.ts). Responses keep
 * what HireBridge reads; request bodies are exactly what we send, and the fake validates with them.
 */

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a YYYY-MM-DD date');

export const personSchema = z.object({
  id,
  name: z.object({ first: z.string().nullish(), last: z.string().nullish() }).nullish(),
  contact: z.object({ homeEmail: z.string().nullish(), workEmail: z.string().nullish() }).nullish(),
});
export type Person = z.infer<typeof personSchema>;

export const jobSchema = z.object({
  id,
  title: z.string().nullish(),
  open: z.string().nullish(),
  department: z.object({ name: z.string().nullish() }).nullish(),
  personId: z.string().nullish(),
  /** Custom fields asked for (assumptions.ts POSITION_FIELD). */
  fields: z.record(z.string(), z.unknown()).nullish(),
});
export type Job = z.infer<typeof jobSchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next: z.string().nullish() });
}

/** What a create answers; only the id is read. */
export const createdSchema = z.object({ id });

/** `POST /v2/org/{org}/person` (free-form field map, §5.3 step 3; the fields ChartHop maps for an ATS hire). */
export const personBodySchema = z.object({
  name: z.object({
    first: z.string().min(1),
    middle: z.string().min(1).optional(),
    last: z.string().min(1),
  }),
  contact: z
    .object({
      homeEmail: z.string().min(3).optional(),
      workEmail: z.string().min(3).optional(),
      mobilePhone: z.string().min(1).optional(),
    })
    .optional(),
});
export type PersonBody = z.infer<typeof personBodySchema>;

export const RELATIONSHIP_MANAGER = 'MANAGER';

/** `POST /v2/org/{org}/job`: a new open seat, reporting to the manager's job (job → job, §5.2). */
export const jobBodySchema = z.object({
  title: z.string().min(1),
  open: z.literal('OPEN'),
  department: z.object({ name: z.string().min(1) }).optional(),
  addRelationships: z.array(z.object({ jobId: id, type: z.literal(RELATIONSHIP_MANAGER) })).optional(),
});
export type JobBody = z.infer<typeof jobBodySchema>;

export const moneySchema = z.object({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** `POST /v1/org/{org}/change/sync/hire` (§5.3 step 4): created only if absent, so it can be repeated. */
export const hireBodySchema = z.object({
  jobId: id,
  personId: id,
  date: isoDate,
  note: z.string().optional(),
  comp: z.object({ baseComp: z.object({ interval: z.string().min(1), pay: moneySchema }) }).optional(),
});
export type HireBody = z.infer<typeof hireBodySchema>;

/** The query of `POST /v1/org/{org}/file` (multipart, the file part is `file`). */
export const fileQuerySchema = z.object({
  entityId: id,
  entityType: z.literal('PERSON'),
  fieldId: z.string().min(1),
  sensitive: z.string().min(1).optional(),
});
