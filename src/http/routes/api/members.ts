import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emptyBodySchema, itemsOf } from '../../../contract/common.js';
import { listMembersQuerySchema, memberWithUpdatesSchema } from '../../../contract/inbox.js';
import type { Member, MemberUpdate } from '../../../core/model/member.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

const updateParams = z.object({
  id: z.string().min(1).max(100),
  updateId: z.string().min(1).max(100),
  decision: z.enum(['accept', 'reject']),
});
export const memberTags = ['People directory'];

export function toMemberResponse(
  m: Member,
  updates: readonly MemberUpdate[],
): z.infer<typeof memberWithUpdatesSchema> {
  return {
    id: m.id,
    fields: { ...m.fields },
    department: m.department,
    location: m.location,
    managerId: m.managerId,
    ashby: m.ashby,
    newHireId: m.newHireId,
    createdAt: new Date(m.createdAt).toISOString(),
    updatedAt: new Date(m.updatedAt).toISOString(),
    pendingUpdates: updates
      .filter((u) => u.status === 'pending')
      .map((u) => ({
        id: u.id,
        newHireId: u.newHireId,
        changes: u.changes,
        status: u.status,
        createdAt: new Date(u.createdAt).toISOString(),
        decidedAt: isoOrNull(u.decidedAt),
        decidedBy: u.decidedBy,
      })),
  };
}

/** The people directory (inbox managers and admins). */
export function memberRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = memberTags;
  api.get(
    '/api/v1/members',
    {
      schema: {
        tags,
        summary: 'List or search the directory',
        querystring: listMembersQuerySchema,
        response: { 200: itemsOf(memberWithUpdatesSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ query }) => {
      const members = await services.listMembers({
        limit: query.limit,
        ...(query.q ? { query: query.q } : {}),
      });
      const pending = await services.pendingMemberUpdates(members.map((m) => m.id));
      return { items: members.map((m) => toMemberResponse(m, pending.get(m.id) ?? [])) };
    },
  );
  api.get(
    '/api/v1/members/:id',
    {
      schema: {
        tags,
        summary: 'Read a member',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: memberWithUpdatesSchema },
      },
      config: { access: 'inbox' },
    },
    async ({ params }) => {
      const { member, updates } = await services.getMember(params.id);
      return toMemberResponse(member, updates);
    },
  );
  api.post(
    '/api/v1/members/:id/updates/:updateId/:decision',
    {
      schema: {
        tags,
        summary: 'Accept or reject a change Ashby sent for a member',
        params: updateParams,
        body: emptyBodySchema,
        response: { 200: memberWithUpdatesSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { id, updateId, decision } = request.params;
      await services.decideMemberUpdate({
        memberId: id,
        updateId,
        decision,
        principal: requireCaller(request),
      });
      const { member, updates } = await services.getMember(id);
      return toMemberResponse(member, updates);
    },
  );
}
