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
