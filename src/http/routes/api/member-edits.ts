import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  editMemberRequestSchema,
  type ManagerMatchResponse,
  type MemberHistoryResponse,
} from '../../../contract/member-files.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';
import { toMemberResponse } from './members.js';

const idParams = z.object({ id: z.string().min(1).max(100) });

/** Editing members in the directory, and what people changed (inbox managers and admins). */
export function memberEditRoutes(app: FastifyInstance, services: HttpServices): void {
  app.patch('/api/v1/members/:id', async (request) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(editMemberRequestSchema, request.body, 'body');
    await services.editMember({
      memberId: id,
      principal,
      ...(body.fields === undefined ? {} : { fields: body.fields }),
      ...(body.managerId === undefined ? {} : { managerId: body.managerId }),
      ...(body.status === undefined ? {} : { status: body.status }),
      ...(body.endDate === undefined ? {} : { endDate: body.endDate }),
    });
    const { member, updates } = await services.getMember(id);
    return toMemberResponse(member, updates);
  });
  app.get('/api/v1/members/:id/history', async (request): Promise<MemberHistoryResponse> => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const { entries, names } = await services.memberHistory(id);
    return {
      names,
      items: entries.map((e) => ({
        id: e.id,
        at: new Date(e.at).toISOString(),
        actor: e.actor,
        kind: e.kind,
        changes: e.changes,
      })),
    };
  });
  app.get('/api/v1/members/:id/manager-match', async (request): Promise<ManagerMatchResponse> => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    return services.suggestManager(id);
  });
}
