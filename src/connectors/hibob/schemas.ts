import { z } from 'zod';

/**
 * HiBob wire shapes, from /work/shared/reference/hris-apis.md §2 (sources cited there). Responses are
 * parsed loosely (`looseObject`): Bob silently omits fields a service user cannot read (§2.5), and adds
 * fields over time. Requests are built by to-employee.ts and checked by the fake with the same schemas.
 */

/** `{key, error}`, seen in two independent clients; some answers carry `message` instead (§2.5). */
export const hibobErrorSchema = z.looseObject({
  key: z.string().optional(),
  error: z.string().optional(),
  message: z.string().optional(),
});

/** Only `root.id` and `root.email`, only `equals`, and never an empty `values` (§2.3 step 3). */
export const searchFilterSchema = z.object({
  fieldPath: z.enum(['root.id', 'root.email']),
  operator: z.literal('equals'),
  values: z.array(z.string().min(1)).min(1),
});

export const searchRequestSchema = z.object({
  fields: z.array(z.string()).optional(),
  filters: z.array(searchFilterSchema).optional(),
  showInactive: z.boolean().optional(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export const searchedEmployeeSchema = z.looseObject({
  id: z.string(),
  email: z.string().optional(),
});
export const searchResponseSchema = z.looseObject({ employees: z.array(searchedEmployeeSchema) });

/** Required: `email, firstName, surname, work.site, work.startDate` (official post_people, §2.3 step 5). */
export const createEmployeeSchema = z.looseObject({
  firstName: z.string().min(1),
  surname: z.string().min(1),
  email: z.string().min(1),
  home: z.looseObject({ privateEmail: z.string().optional(), mobilePhone: z.string().optional() }).optional(),
  work: z.looseObject({
    site: z.string().min(1),
    startDate: z.iso.date(),
    title: z.string().optional(),
    department: z.string().optional(),
  }),
});
export type CreateEmployee = z.infer<typeof createEmployeeSchema>;
export const createdEmployeeSchema = z.looseObject({ id: z.union([z.string(), z.number()]) });

/** `effectiveDate` required; `reportsTo.id` required when `reportsTo` is present (3rd-party SDK, §2.3 step 6). */
export const workEntrySchema = z.looseObject({
  effectiveDate: z.iso.date(),
  title: z.string().optional(),
  department: z.string().optional(),
  site: z.string().optional(),
  reportsTo: z.object({ id: z.string().min(1) }).optional(),
  reason: z.string().optional(),
  customColumns: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type WorkEntry = z.infer<typeof workEntrySchema>;

export const PAY_PERIODS = ['Annual', 'Hourly', 'Daily', 'Weekly', 'Monthly'] as const;
export const PAY_FREQUENCIES = [
  'Weekly',
  'Monthly',
  'Pro rata',
  'Every two weeks',
  'Twice a month',
  'Every four weeks',
] as const;

/** §2.3 step 7: official endpoint, enum values from a third-party SDK. */
export const salaryEntrySchema = z.looseObject({
  base: z.object({ value: z.number().nonnegative(), currency: z.string().length(3) }),
  payPeriod: z.enum(PAY_PERIODS),
  payFrequency: z.enum(PAY_FREQUENCIES).optional(),
  effectiveDate: z.iso.date(),
});
export type SalaryEntry = z.infer<typeof salaryEntrySchema>;
export const salaryEntryListSchema = z.looseObject({
  values: z.array(z.looseObject({ effectiveDate: z.string() })),
});

/** A list field holds the item's string **id**, not its label (official fields-metadata, §2.3 step 2). */
export const namedListItemSchema: z.ZodType<NamedListItem> = z.lazy(() =>
  z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    value: z.string().optional(),
    name: z.string().optional(),
    archived: z.boolean().optional(),
    children: z.array(namedListItemSchema).optional(),
  }),
);
export interface NamedListItem {
  readonly id: string;
  readonly value?: string | undefined;
  readonly name?: string | undefined;
  readonly archived?: boolean | undefined;
  readonly children?: readonly NamedListItem[] | undefined;
}
export const namedListsSchema = z.record(
  z.string(),
  z.looseObject({ name: z.string().optional(), values: z.array(namedListItemSchema) }),
);

export const documentListSchema = z.looseObject({
  documents: z.array(z.looseObject({ id: z.union([z.string(), z.number()]), name: z.string() })),
});

/** Shared and confidential are Bob's default folders; a custom folder is addressed by id (§2.3 step 8). */
export const documentFolderSchema = z.union([
  z.enum(['shared', 'confidential']),
  z.object({ customFolderId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
]);
export type DocumentFolder = z.infer<typeof documentFolderSchema>;

/** 5 MB generally, 1 MB for custom folders (official documents reference, §2.3 step 8). */
export const DOCUMENT_LIMIT_BYTES = { standard: 5 * 1024 * 1024, customFolder: 1024 * 1024 } as const;

export const invitationSchema = z.object({ welcomeWizardId: z.number().int().positive() });
