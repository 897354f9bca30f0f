import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  closePositionRequestSchema,
  createPositionRequestSchema,
  listPositionsQuerySchema,
  openingSyncSettingsRequestSchema,
  updatePositionRequestSchema,
  type OpeningSyncRunResponse,
  type OpeningSyncRunsResponse,
  type OpeningSyncSettingsResponse,
  type PositionResponse,
} from '../../../contract/positions.js';
import type { OpeningSyncSettings, SyncRun } from '../../../core/ports/opening-sync-store.js';
import type { PositionView } from '../../../app/positions.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const importBody = z.strictObject({ csv: z.string().max(900_000) });

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
  app.get('/api/v1/positions', async (request) => {
    requireRole(request, 'inbox');
    const q = parseInput(listPositionsQuerySchema, request.query, 'query');
    const items = await openings.listPositions({ limit: q.limit, ...(q.status ? { status: q.status } : {}) });
    return { items: items.map(toPositionResponse) };
  });
  app.get('/api/v1/positions/:id', async (request) => {
    requireRole(request, 'inbox');
    const { id } = parseInput(idParams, request.params, 'params');
    return toPositionResponse(await openings.getPosition(id));
  });
  app.post('/api/v1/positions', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const body = parseInput(createPositionRequestSchema, request.body, 'body');
    const created = await openings.createPosition({ position: defined(body), principal });
    return reply.code(201).send(toPositionResponse(created));
  });
  app.patch('/api/v1/positions/:id', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(updatePositionRequestSchema, request.body, 'body');
    return toPositionResponse(await openings.updatePosition({ id, changes: defined(body), principal }));
  });
  app.post('/api/v1/positions/:id/close', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { reason } = parseInput(closePositionRequestSchema, request.body, 'body');
    return toPositionResponse(await openings.closePosition({ id, reason, principal }));
  });
  app.post('/api/v1/positions/import', async (request) => {
    const principal = requireRole(request, 'admin');
    const { csv } = parseInput(importBody, request.body, 'body');
    return openings.importPositions({ csv, principal });
  });

  app.put('/api/v1/connections/:id/openings/settings', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(openingSyncSettingsRequestSchema, request.body, 'body');
    return toSettings(
      await openings.saveSyncSettings({
        connectionId: id,
        enabled: body.enabled,
        ...(body.customFields ? { customFields: body.customFields } : {}),
        principal,
      }),
    );
  });
  app.post('/api/v1/connections/:id/openings/sync', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { runId } = await openings.requestSync({ connectionId: id, principal });
    return reply.code(202).send({ runId, status: 'queued' });
  });
  app.get('/api/v1/connections/:id/openings/sync', async (request): Promise<OpeningSyncRunsResponse> => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { settings, runs } = await openings.syncStatus(id);
    return { settings: toSettings(settings), runs: runs.map(toRun) };
  });
}
