import { z } from 'zod';

export const editNewHireRequestSchema = z.strictObject({
  fields: z.record(z.string().max(100), z.unknown()),
  /** Required fields the person confirmed clearing; a required field sent as null without it is refused. */
  confirmClear: z.array(z.string().max(100)).max(200).optional(),
});

/** POST /api/v1/new-hires/:id/revert: fields a reviewer edited go back to Ashby's current value. */
export const revertNewHireRequestSchema = z.strictObject({
  fields: z.array(z.string().max(100)).min(1, 'name at least one field').max(200),
});

export const listMembersQuerySchema = z.object({
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const orgUnit = z.object({ id: z.string(), name: z.string(), ashbyId: z.string().nullable() }).nullable();
const change = z.object({ from: z.unknown(), to: z.unknown() });

export const memberSchema = z.object({
  id: z.string(),
  fields: z.record(z.string(), z.unknown()),
  department: orgUnit,
  location: orgUnit,
  managerId: z.string().nullable(),
  ashby: z
    .object({ connectionId: z.string(), candidateId: z.string(), applicationId: z.string() })
    .nullable(),
  newHireId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberResponse = z.infer<typeof memberSchema>;

/** A change Ashby sent for a member that waits for a person to accept or reject it. */
export const memberUpdateSchema = z.object({
  id: z.string(),
  newHireId: z.string(),
  changes: z.record(z.string(), change),
  status: z.enum(['pending', 'accepted', 'rejected']),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
});

/** A member as the directory answers it: with the updates that wait for a decision. */
export const memberWithUpdatesSchema = memberSchema.extend({ pendingUpdates: z.array(memberUpdateSchema) });

export const historyEntrySchema = z.object({
  at: z.string(),
  actor: z.string(),
  kind: z.string(),
  changes: z.record(z.string(), change),
});

export const reportingToSchema = z.union([
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('matched'), memberId: z.string(), by: z.enum(['email', 'name']) }),
  z.object({ status: z.literal('unmatched'), reason: z.string() }),
]);
