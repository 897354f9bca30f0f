import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../contract/common.js';
import { memberWithUpdatesSchema } from '../../../contract/inbox.js';
import {
  editMemberRequestSchema,
  managerMatchSchema,
  memberHistorySchema,
} from '../../../contract/member-files.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { memberTags as tags, toMemberResponse } from './members.js';

/** Editing members in the directory, and what people changed (inbox managers and admins). */
export function memberEditRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.patch(
    '/api/v1/members/:id',
    {
      schema: {
        tags,
        summary: 'Edit a member',
        params: idParamsSchema,
        body: editMemberRequestSchema,
        response: { 200: memberWithUpdatesSchema },
      },
      config: { access: 'inbox' },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      await services.editMember({
        memberId: id,
        principal: requireCaller(request),
        ...(body.fields === undefined ? {} : { fields: body.fields }),
        ...(body.managerId === undefined ? {} : { managerId: body.managerId }),
        ...(body.status === undefined ? {} : { status: body.status }),
        ...(body.endDate === undefined ? {} : { endDate: body.endDate }),
      });
      const { member, updates } = await services.getMember(id);
      return toMemberResponse(member, updates);
    },
  );
  api.get(
    '/api/v1/members/:id/history',
    {
      schema: {
        tags,
        summary: 'What people changed on a member, newest first',
        params: idParamsSchema,
        response: { 200: memberHistorySchema },
      },
      config: { access: 'inbox' },
    },
    async ({ params }) => {
      const { entries, names } = await services.memberHistory(params.id);
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
    },
  );
  api.get(
    '/api/v1/members/:id/manager-match',
    {
      schema: {
        tags,
        summary: "The member Ashby's Reporting to matches, for a member with no manager",
        params: idParamsSchema,
        response: { 200: managerMatchSchema },
      },
      config: { access: 'inbox' },
    },
    async ({ params }) => services.suggestManager(params.id),
  );
}
