import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, noContentSchema } from '../../../contract/common.js';
import { addMemberRequestSchema } from '../../../contract/destinations.js';
import { editNewHireRequestSchema, memberWithUpdatesSchema } from '../../../contract/inbox.js';
import { pageOf } from '../../../contract/logs.js';
import {
  listNewHiresQuerySchema,
  newHireDetailSchema,
  newHireSchema,
  type NewHireDetailResponse,
  type NewHireResponse,
} from '../../../contract/new-hires.js';
import type { NewHireDetail } from '../../../app/get-new-hire.js';
import type { NewHire } from '../../../core/model/new-hire.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { toMemberResponse } from './members.js';

const iso = (ms: number) => new Date(ms).toISOString();
export const newHireTags = ['New hires'];

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
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = newHireTags;
  api.get(
    '/api/v1/new-hires',
    {
      schema: {
        tags,
        summary: 'Search and list new hires',
        querystring: listNewHiresQuerySchema,
        response: { 200: pageOf(newHireSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ query }) => {
      const { cursor, status, connectionId, department, startFrom, startTo, q: words, ...rest } = query;
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
    },
  );
  api.get(
    '/api/v1/new-hires/:id',
    {
      schema: {
        tags,
        summary: 'Read a new hire, with how Reporting to resolves and its history',
        params: idParamsSchema,
        response: { 200: newHireDetailSchema },
      },
      config: { access: 'inbox' },
    },
    async ({ params }) => toDetailResponse(await services.getNewHire(params.id)),
  );
  api.patch(
    '/api/v1/new-hires/:id',
    {
      schema: {
        tags,
        summary: "Edit a new hire's fields",
        params: idParamsSchema,
        body: editNewHireRequestSchema,
        response: { 200: newHireDetailSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      await services.editNewHire({
        newHireId: id,
        fields: body.fields,
        ...(body.confirmClear ? { confirmClear: body.confirmClear } : {}),
        principal: requireCaller(request),
      });
      return toDetailResponse(await services.getNewHire(id));
    },
  );
  api.post(
    '/api/v1/new-hires/:id/add-member',
    {
      schema: {
        tags,
        summary: 'Add a new hire to the directory (201; 200 when it already was)',
        params: idParamsSchema,
        body: addMemberRequestSchema,
        response: { 200: memberWithUpdatesSchema, 201: memberWithUpdatesSchema },
      },
      config: { access: 'inbox' },
    },
    async (request, reply) => {
      const destinations = request.body.destinations;
      const { member, created } = await services.addMember({
        newHireId: request.params.id,
        principal: requireCaller(request),
        ...(destinations === undefined ? {} : { destinations }),
      });
      return reply.status(created ? 201 : 200).send(toMemberResponse(member, []));
    },
  );
  api.delete(
    '/api/v1/new-hires/:id',
    {
      schema: {
        tags,
        summary: 'Delete a new hire (its personal data is erased)',
        params: idParamsSchema,
        response: { 204: noContentSchema },
      },
      config: { access: 'inbox' },
    },
    async (request, reply) => {
      await services.deleteNewHire({ newHireId: request.params.id, principal: requireCaller(request) });
      return reply.status(204).send();
    },
  );
}
