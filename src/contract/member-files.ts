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

export interface ImportMembersResponse {
  readonly preview: boolean;
  /** Rows imported (or, in a preview, that would be). */
  readonly imported: number;
  readonly problems: readonly { readonly line: number; readonly message: string }[];
}

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
export interface MemberHistoryResponse {
  readonly names: Readonly<Record<string, string>>;
  readonly items: readonly {
    readonly id: string;
    readonly at: string;
    readonly actor: string;
    readonly kind: 'edited' | 'archived' | 'offboarded' | 'reactivated';
    readonly changes: Readonly<Record<string, { readonly from: unknown; readonly to: unknown }>>;
  }[];
}

/**
 * GET /api/v1/members/:id/manager-match: for a member with no manager set, the member Ashby's
 * "Reporting to" now matches (same email, else the one member with the same name), for a one-click
 * match through PATCH /api/v1/members/:id {managerId}; `none` when a manager is set or none was named.
 */
export type ManagerMatchResponse =
  | { readonly status: 'none' }
  | {
      readonly status: 'matched';
      readonly memberId: string;
      readonly name: string;
      readonly by: 'email' | 'name';
    }
  | { readonly status: 'unmatched'; readonly reason: string };
