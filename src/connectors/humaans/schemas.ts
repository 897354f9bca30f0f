import { z } from 'zod';

/**
 * Humaans wire shapes, from /work/shared/reference/hris-apis.md §3 (official scopes, ex_humaans resources
 * and fixtures). Responses are parsed loosely; requests are built by to-person.ts and checked by the fake.
 */

/** The scopes a token can carry; compensations and documents are not covered by `private:*` (official). */
export const HUMAANS_SCOPES = [
  'public:read',
  'private:read',
  'private:write',
  'compensations:read',
  'compensations:write',
  'documents:read',
  'documents:write',
  'webhooks:manage',
] as const;
export type HumaansScope = (typeof HUMAANS_SCOPES)[number];

/** `{code, name, message, issues: [{path, message}]}`, 422 on validation (ex_humaans error.ex). */
export const humaansErrorSchema = z.looseObject({
  code: z.string().optional(),
  name: z.string().optional(),
  message: z.string().optional(),
  issues: z.array(z.looseObject({ path: z.unknown(), message: z.string().optional() })).optional(),
});

/** Feathers-style page: `{total, limit, skip, data}` (ex_humaans pagination.ex). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.looseObject({ total: z.number(), limit: z.number(), skip: z.number(), data: z.array(item) });

export const personSchema = z.looseObject({
  id: z.string(),
  email: z.string().nullish(),
  personalEmail: z.string().nullish(),
});

export const createPersonSchema = z.looseObject({
  firstName: z.string().min(1),
  middleName: z.string().optional(),
  lastName: z.string().min(1),
  email: z.string().min(1),
  personalEmail: z.string().optional(),
  personalPhoneNumber: z.string().optional(),
  employmentStartDate: z.iso.date().optional(),
  locationId: z.string().optional(),
  linkedIn: z.string().optional(),
  twitter: z.string().optional(),
});
export type CreatePerson = z.infer<typeof createPersonSchema>;

export const jobRoleSchema = z.looseObject({
  personId: z.string().min(1),
  jobTitle: z.string().min(1),
  department: z.string().optional(),
  reportingTo: z.string().optional(),
  effectiveDate: z.iso.date(),
});
export type JobRole = z.infer<typeof jobRoleSchema>;

export const COMPENSATION_PERIODS = ['annual', 'monthly', 'weekly', 'daily', 'hourly'] as const;

/** `amount` is a string on the wire (fixture + official scope, §3.2 step 5). */
export const compensationSchema = z.looseObject({
  personId: z.string().min(1),
  compensationTypeId: z.string().min(1),
  amount: z.string().regex(/^\d+(\.\d+)?$/),
  currency: z.string().length(3),
  period: z.enum(COMPENSATION_PERIODS),
  effectiveDate: z.iso.date(),
});
export type Compensation = z.infer<typeof compensationSchema>;

/** `link` or `fileId` (§3.2 step 6). */
export const documentSchema = z.looseObject({
  personId: z.string().min(1),
  name: z.string().min(1),
  link: z.url({ protocol: /^https?$/ }).optional(),
  fileId: z.string().optional(),
  documentTypeId: z.string().optional(),
});
export type HumaansDocument = z.infer<typeof documentSchema>;

export const customValueSchema = z.looseObject({
  personId: z.string().min(1),
  customFieldId: z.string().min(1),
  value: z.union([z.string(), z.array(z.string())]),
});
export type CustomValue = z.infer<typeof customValueSchema>;

/** Locations, compensation types, document types: `{id, name}` (ex_humaans resources). */
export const namedItemSchema = z.looseObject({ id: z.string(), name: z.string() });
export type NamedItem = z.infer<typeof namedItemSchema>;

export const datedRowSchema = z.looseObject({ id: z.string(), effectiveDate: z.string().nullish() });
export const documentRowSchema = z.looseObject({ id: z.string(), name: z.string() });
