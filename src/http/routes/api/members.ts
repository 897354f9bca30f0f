import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listMembersQuerySchema, type MemberResponse } from '../../../contract/inbox.js';
import type { Member, MemberUpdate } from '../../../core/model/member.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const updateParams = z.object({
  id: z.string().min(1).max(100),
  updateId: z.string().min(1).max(100),
  decision: z.enum(['accept', 'reject']),
});

export function toMemberResponse(
  m: Member,
  updates: readonly MemberUpdate[],
): MemberResponse & { pendingUpdates: unknown[] } {
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
  app.get('/api/v1/members', async (request) => {
    requireRole(request, 'inbox');
    const q = parseInput(listMembersQuerySchema, request.query, 'query');
    const members = await services.listMembers({ limit: q.limit, ...(q.q ? { query: q.q } : {}) });
    const pending = await services.pendingMemberUpdates(members.map((m) => m.id));
    return { items: members.map((m) => toMemberResponse(m, pending.get(m.id) ?? [])) };
  });
  app.get('/api/v1/members/:id', async (request) => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const { member, updates } = await services.getMember(id);
    return toMemberResponse(member, updates);
  });
  app.post('/api/v1/members/:id/updates/:updateId/:decision', async (request) => {
    const principal = requireRole(request, 'inbox');
    const { id, updateId, decision } = parseInput(updateParams, request.params, 'params');
    await services.decideMemberUpdate({ memberId: id, updateId, decision, principal });
    const { member, updates } = await services.getMember(id);
    return toMemberResponse(member, updates);
  });
}
