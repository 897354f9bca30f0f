import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, itemsOf } from '../../../contract/common.js';
import {
  closePositionRequestSchema,
  createPositionRequestSchema,
  importPositionsRequestSchema,
  importPositionsResponseSchema,
  listPositionsQuerySchema,
  openingSyncQueuedSchema,
  openingSyncRunsSchema,
  openingSyncSettingsRequestSchema,
  openingSyncSettingsSchema,
  positionSchema,
  updatePositionRequestSchema,
  type OpeningSyncRunResponse,
  type OpeningSyncSettingsResponse,
  type PositionResponse,
} from '../../../contract/positions.js';
import type { OpeningSyncSettings, SyncRun } from '../../../core/ports/opening-sync-store.js';
import type { PositionView } from '../../../app/positions.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

/** Drops keys whose value is undefined (the use cases read "absent" as "keep"). */
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function toPositionResponse(p: PositionView): PositionResponse {
  return {
    id: p.id,
    title: p.title,
    department: p.department,
    location: p.location,
    employmentType: p.employmentType,
    targetHireDate: p.targetHireDate,
    targetStartDate: p.targetStartDate,
    recruiting: p.recruiting,
    requisitionId: p.requisitionId,
    description: p.description,
    ashbyJobId: p.ashbyJobId,
    customFields: { ...p.customFields },
    status: p.status,
    closeReason: p.closeReason,
    filledBy: p.filledBy,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

const toSettings = (s: OpeningSyncSettings): OpeningSyncSettingsResponse => ({
  connectionId: s.connectionId,
  enabled: s.enabled,
  customFields: [...s.customFields],
});

const toRun = (r: SyncRun): OpeningSyncRunResponse => ({
  id: r.id,
  status: r.status,
  created: r.created,
  updated: r.updated,
  closed: r.closed,
  failed: r.failed,
  errors: r.errors.map((e) => ({ ...e })),
  startedAt: isoOrNull(r.startedAt),
  finishedAt: isoOrNull(r.finishedAt),
});

/** Positions (inbox managers read, admins write) and opening sync per Ashby connection (admins). */
export function positionRoutes(app: FastifyInstance, services: HttpServices): void {
  const openings = services.openings;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Positions'];
  api.get(
    '/api/v1/positions',
    {
      schema: {
        tags,
        summary: 'List positions',
        querystring: listPositionsQuerySchema,
        response: { 200: itemsOf(positionSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ query }) => {
      const items = await openings.listPositions({
        limit: query.limit,
        ...(query.status ? { status: query.status } : {}),
      });
      return { items: items.map(toPositionResponse) };
    },
  );
  api.get(
    '/api/v1/positions/:id',
    {
      schema: { tags, summary: 'Read a position', params: idParamsSchema, response: { 200: positionSchema } },
      config: { access: 'inbox' },
    },
    async ({ params }) => toPositionResponse(await openings.getPosition(params.id)),
  );
  api.post(
    '/api/v1/positions',
    {
      schema: {
        tags,
        summary: 'Open a position',
        body: createPositionRequestSchema,
        response: { 201: positionSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const created = await openings.createPosition({
        position: defined(request.body),
        principal: requireCaller(request),
      });
      return reply.code(201).send(toPositionResponse(created));
    },
  );
  api.patch(
    '/api/v1/positions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a position',
        params: idParamsSchema,
        body: updatePositionRequestSchema,
        response: { 200: positionSchema },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toPositionResponse(
        await openings.updatePosition({
          id: request.params.id,
          changes: defined(request.body),
          principal: requireCaller(request),
        }),
      ),
  );
  api.post(
    '/api/v1/positions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a position',
        params: idParamsSchema,
        body: closePositionRequestSchema,
        response: { 200: positionSchema },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toPositionResponse(
        await openings.closePosition({
          id: request.params.id,
          reason: request.body.reason,
          principal: requireCaller(request),
        }),
      ),
  );
  api.post(
    '/api/v1/positions/import',
    {
      schema: {
        tags,
        summary: 'Import positions from CSV',
        body: importPositionsRequestSchema,
        response: { 200: importPositionsResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const report = await openings.importPositions({
        csv: request.body.csv,
        principal: requireCaller(request),
      });
      return { imported: report.imported, problems: [...report.problems] };
    },
  );

  api.put(
    '/api/v1/connections/:id/openings/settings',
    {
      schema: {
        tags,
        summary: 'Turn opening sync from Ashby on or off',
        params: idParamsSchema,
        body: openingSyncSettingsRequestSchema,
        response: { 200: openingSyncSettingsSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const body = request.body;
      return toSettings(
        await openings.saveSyncSettings({
          connectionId: request.params.id,
          enabled: body.enabled,
          ...(body.customFields ? { customFields: body.customFields } : {}),
          principal: requireCaller(request),
        }),
      );
    },
  );
  api.post(
    '/api/v1/connections/:id/openings/sync',
    {
      schema: {
        tags,
        summary: 'Sync openings from Ashby now',
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 202: openingSyncQueuedSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const { runId } = await openings.requestSync({
        connectionId: request.params.id,
        principal: requireCaller(request),
      });
      return reply.code(202).send({ runId, status: 'queued' as const });
    },
  );
  api.get(
    '/api/v1/connections/:id/openings/sync',
    {
      schema: {
        tags,
        summary: 'Opening sync settings and recent runs',
        params: idParamsSchema,
        response: { 200: openingSyncRunsSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => {
      const { settings, runs } = await openings.syncStatus(params.id);
      return { settings: toSettings(settings), runs: runs.map(toRun) };
    },
  );
}
