import { z } from 'zod';

/**
 * PeopleForce public API v3 wire shapes (hris-apis.md §4; spec copy: infrabay/peopleforce-cli
 * `internal/spec/peopleforce-openapi.json`). Responses keep only what HireBridge reads; request bodies are
 * exactly what we send, and the fake validates incoming requests with the same schemas.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z.string().regex(DATE, 'a YYYY-MM-DD date');

/** The slim employee `GET /employees` returns (custom `fields` only on `GET /employees/{id}`). */
export const employeeSchema = z.object({
  id: z.number().int(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  email: z.string().nullish(),
  personal_email: z.string().nullish(),
  status: z.string().nullish(),
});
export type Employee = z.infer<typeof employeeSchema>;

/** Reference lists: positions, departments, locations, document folders. */
export const namedItemSchema = z.object({ id: z.number().int(), name: z.string() });
export type NamedItem = z.infer<typeof namedItemSchema>;

export const paginationSchema = z.object({
  page: z.number().int(),
  pages: z.number().int(),
  count: z.number().int().optional(),
  items: z.number().int().optional(),
});

export function listEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    metadata: z.object({ pagination: paginationSchema }).optional(),
  });
}

export function dataEnvelopeSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}

/** A created record whose body we do not read beyond its id (positions, salaries, documents). */
export const createdSchema = z.object({ id: z.number().int() });

/** `POST /employees` and `PUT /employees/{id}` (§4.2 step 4): `first_name`, `last_name` required. */
export const employeeBodySchema = z.object({
  first_name: z.string().min(1),
  last_name: z.string().min(1),
  middle_name: z.string().min(1).optional(),
  email: z.string().min(3).optional(),
  personal_email: z.string().min(3).optional(),
  mobile_number: z.string().min(1).optional(),
  hired_on: isoDate.optional(),
});
export type EmployeeBody = z.infer<typeof employeeBodySchema>;

/** `POST /employees/{id}/positions` (§4.2 step 5): `effective_from` required. */
export const positionBodySchema = z.object({
  effective_from: isoDate,
  position_id: z.number().int().optional(),
  department_id: z.number().int().optional(),
  location_id: z.number().int().optional(),
  reporting_to_id: z.number().int().optional(),
});
export type PositionBody = z.infer<typeof positionBodySchema>;

export const SALARY_PERIODS = ['day', 'week', 'month', 'hour', 'year'] as const;

/** `POST /employees/{id}/salaries` (§4.2 step 6): every key but `comment` required. */
export const salaryBodySchema = z.object({
  effective_on: isoDate,
  amount: z.number().nonnegative(),
  per: z.enum(SALARY_PERIODS),
  currency_code: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
  comment: z.string().optional(),
});
export type SalaryBody = z.infer<typeof salaryBodySchema>;

/** The multipart text parts of `POST /employees/{id}/documents` (§4.2 step 7); the file is `document`. */
export const documentPartsSchema = z.object({
  document_folder_id: z.coerce.number().int().positive(),
  name: z.string().min(1),
});
