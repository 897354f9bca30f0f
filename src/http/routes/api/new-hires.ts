import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addMemberRequestSchema } from '../../../contract/destinations.js';
import { editNewHireRequestSchema } from '../../../contract/inbox.js';
import {
  listNewHiresQuerySchema,
  type NewHireDetailResponse,
  type NewHireResponse,
} from '../../../contract/new-hires.js';
import type { NewHireDetail } from '../../../app/get-new-hire.js';
import type { NewHire } from '../../../core/model/new-hire.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';
import { toMemberResponse } from './members.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const iso = (ms: number) => new Date(ms).toISOString();

export function toNewHireResponse(n: NewHire): NewHireResponse {
  return {
    id: n.id,
    status: n.status,
    fields: { ...n.fields },
    missingRequired: [...n.missingRequired],
    editedFields: [...n.editedFields],
    memberId: n.memberId,
    source: {
      connectionId: n.connectionId,
      candidateId: n.candidateId,
      applicationId: n.applicationId,
      offerId: n.offerId,
    },
    importedAt: iso(n.importedAt),
    createdAt: iso(n.createdAt),
    updatedAt: iso(n.updatedAt),
  };
}

function toDetailResponse(d: NewHireDetail): NewHireDetailResponse {
  return {
    ...toNewHireResponse(d.newHire),
    reportingTo: d.reportingTo,
    history: d.history.map((h) => ({
      at: iso(h.at),
      actor: h.actor,
      kind: h.kind,
      changes: { ...h.changes },
    })),
  };
}

/** The New hires inbox (inbox managers and admins): list, read, edit, add to the directory, delete. */
export function newHireRoutes(app: FastifyInstance, services: HttpServices): void {
  app.get('/api/v1/new-hires', async (request) => {
    requireRole(request, 'inbox');
    const q = parseInput(listNewHiresQuerySchema, request.query, 'query');
    const { cursor, status, connectionId, department, startFrom, startTo, q: words, ...rest } = q;
    const found = await services.searchNewHires({
      ...rest,
      ...(words ? { q: words } : {}),
      ...(cursor ? { cursor } : {}),
      ...(status ? { status } : {}),
      ...(connectionId ? { connectionId } : {}),
      ...(department ? { department } : {}),
      ...(startFrom ? { startFrom } : {}),
      ...(startTo ? { startTo } : {}),
    });
    return { items: found.items.map(toNewHireResponse), nextCursor: found.nextCursor };
  });
  app.get('/api/v1/new-hires/:id', async (request) => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    return toDetailResponse(await services.getNewHire(id));
  });
  app.patch('/api/v1/new-hires/:id', async (request) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(editNewHireRequestSchema, request.body, 'body');
    await services.editNewHire({
      newHireId: id,
      fields: body.fields,
      ...(body.confirmClear ? { confirmClear: body.confirmClear } : {}),
      principal,
    });
    return toDetailResponse(await services.getNewHire(id));
  });
  app.post('/api/v1/new-hires/:id/add-member', async (request, reply) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(addMemberRequestSchema, request.body, 'body');
    const { member, created } = await services.addMember({
      newHireId: id,
      principal,
      ...(body.destinations === undefined ? {} : { destinations: body.destinations }),
    });
    return reply.status(created ? 201 : 200).send(toMemberResponse(member, []));
  });
  app.delete('/api/v1/new-hires/:id', async (request, reply) => {
    const principal = requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    await services.deleteNewHire({ newHireId: id, principal });
    return reply.status(204).send();
  });
}
