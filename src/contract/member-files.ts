import { z } from 'zod';

/**
 * POST /api/v1/members/import: a members CSV (the columns of `hirebridge members import`). With
 * `preview: true` nothing is written and the answer says what an import would do, with problems by
 * line; otherwise the good rows are imported and the bad ones reported the same way.
 */
export const importMembersRequestSchema = z
  .object({
    csv: z
      .string()
      .min(1, 'is empty: choose a CSV file with a header row')
      .max(2_000_000, 'is larger than 2 MB'),
    preview: z.boolean().default(false),
  })
  .strict();

export const importMembersResponseSchema = z.object({
  preview: z.boolean(),
  /** Rows imported (or, in a preview, that would be). */
  imported: z.number().int(),
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type ImportMembersResponse = z.infer<typeof importMembersResponseSchema>;

/**
 * PATCH /api/v1/members/:id: edit a member. `fields` holds workEmail, employeeId, jobTitle, department,
 * location (null clears); `managerId` another member (null: nobody); `status` archives or offboards
 * (offboarding needs `endDate`, YYYY-MM-DD) or makes the member active again. A bad value refuses the
 * whole edit, naming each problem; nothing stored is changed then.
 */
export const editMemberRequestSchema = z
  .object({
    fields: z.record(z.string().max(100), z.union([z.string().max(500), z.null()])).optional(),
    managerId: z.string().min(1).max(100).nullable().optional(),
    status: z.enum(['active', 'archived', 'offboarded']).optional(),
    endDate: z.string().max(10).nullable().optional(),
  })
  .strict();

/**
 * GET /api/v1/members/:id/history: changes people made, newest first. A manager change holds member
 * ids; `names` gives each one's name (a member since deleted is left out).
 */
export const memberHistorySchema = z.object({
  names: z.record(z.string(), z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      actor: z.string(),
      kind: z.enum(['edited', 'archived', 'offboarded', 'reactivated']),
      changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
    }),
  ),
});
export type MemberHistoryResponse = z.infer<typeof memberHistorySchema>;

/**
 * GET /api/v1/members/:id/manager-match: for a member with no manager set, the member Ashby's
 * "Reporting to" now matches (same email, else the one member with the same name), for a one-click
 * match through PATCH /api/v1/members/:id {managerId}; `none` when a manager is set or none was named.
 */
export const managerMatchSchema = z.union([
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('matched'),
    memberId: z.string(),
    name: z.string(),
    by: z.enum(['email', 'name']),
  }),
  z.object({ status: z.literal('unmatched'), reason: z.string() }),
]);
export type ManagerMatchResponse = z.infer<typeof managerMatchSchema>;
