import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addDestinationRequestSchema,
  patchDestinationSettingsRequestSchema,
  previewRequestSchema,
  putMappingRequestSchema,
  updateDestinationRequestSchema,
  type AddedDestinationResponse,
  type DestinationMappingResponse,
  type DestinationPreviewResponse,
  type DestinationResponse,
  type DestinationSettingsResponse,
  type DestinationTypeResponse,
} from '../../../contract/destinations.js';
import type { DestinationMapping } from '../../../app/destination-mapping.js';
import type { Destination } from '../../../core/model/destination.js';
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const iso = (ms: number) => new Date(ms).toISOString();

export function toDestinationResponse(d: Destination): DestinationResponse {
  return {
    id: d.id,
    type: d.type,
    name: d.name,
    baseUrl: d.baseUrl,
    enabled: d.enabled,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
    status: d.status,
    statusMessage: d.statusMessage,
  };
}

function toMappingResponse(m: DestinationMapping): DestinationMappingResponse {
  const rule = (r: DestinationMapping['rules'][number]) => ({
    target: r.target,
    from: [...r.from],
    ...(r.list === undefined ? {} : { list: r.list }),
  });
  return {
    destinationId: m.destination.id,
    type: m.destination.type,
    rules: m.rules.map(rule),
    isPreset: m.isPreset,
    preset: m.preset.map(rule),
    targets: m.targets,
    sourceFields: m.sourceFields,
  };
}

/**
 * Destinations (changes by admins only): add, list, read, edit, test, remove; the types that can be
 * added; and each destination's settings, field mapping and preview.
 */
export function destinationRoutes(app: FastifyInstance, services: HttpServices): void {
  const destinations = services.destinations;
  const settingsAnswer = async (id: string): Promise<DestinationSettingsResponse> => {
    const { destination, settings, savedKeys, schema } = await destinations.settings(id);
    return { destinationId: destination.id, type: destination.type, settings, savedKeys, schema };
  };
  app.get('/api/v1/destination-types', async (request) => {
    requireRole(request, 'admin');
    const items: DestinationTypeResponse[] = destinations.types().map((t) => ({
      type: t.type,
      label: t.label,
      capabilities: [...t.capabilities],
      defaultBaseUrl: t.defaultBaseUrl ?? null,
      credentialsSchema: t.credentialsSchema,
      generatedKeys: [...t.generatedKeys],
      hasSettings: t.settings !== null,
    }));
    return { items };
  });
  // Readable by inbox managers too (no credentials in it): Add member lets them choose destinations.
  app.get('/api/v1/destinations', async (request) => {
    requireRole(request, 'inbox');
    return { items: (await destinations.list()).map(toDestinationResponse) };
  });
  app.post('/api/v1/destinations', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const body = parseInput(addDestinationRequestSchema, request.body, 'body');
    const { destination, generated } = await destinations.add({
      type: body.type,
      name: body.name,
      credentials: body.credentials,
      principal,
      ...(body.baseUrl === undefined ? {} : { baseUrl: body.baseUrl }),
      ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
    });
    const answer: AddedDestinationResponse = {
      ...toDestinationResponse(destination),
      ...(Object.keys(generated).length > 0 ? { generatedCredentials: generated } : {}),
    };
    return reply.status(201).header('cache-control', 'no-store').send(answer);
  });
  app.get('/api/v1/destinations/:id', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toDestinationResponse(await destinations.get(id));
  });
  app.patch('/api/v1/destinations/:id', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(updateDestinationRequestSchema, request.body, 'body');
    const edit = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    return toDestinationResponse(await destinations.update({ id, edit, principal }));
  });
  app.post('/api/v1/destinations/:id/test', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { destination, resumedPushes } = await destinations.test({ id, principal });
    return { ok: true, resumedPushes, destination: toDestinationResponse(destination) };
  });
  app.get('/api/v1/destinations/:id/settings', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return settingsAnswer(id);
  });
  app.patch('/api/v1/destinations/:id/settings', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(patchDestinationSettingsRequestSchema, request.body, 'body');
    await destinations.saveSettings({ id, settings: body.settings, principal });
    return settingsAnswer(id);
  });
  app.get('/api/v1/destinations/:id/mapping', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toMappingResponse(await destinations.mapping(id));
  });
  app.put('/api/v1/destinations/:id/mapping', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(putMappingRequestSchema, request.body, 'body');
    return toMappingResponse(await destinations.saveMapping({ id, rules: body.rules, principal }));
  });
  // A POST because it takes a body, but it changes nothing and sends nothing. Admin only: it shows the
  // member's personal data as the system would receive it.
  app.post('/api/v1/destinations/:id/preview', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(previewRequestSchema, request.body, 'body');
    const { destination, preview } = await destinations.preview({ id, memberId: body.memberId });
    const answer: DestinationPreviewResponse = {
      destinationId: destination.id,
      memberId: body.memberId,
      requests: preview.requests,
      notes: preview.notes,
      atPush: preview.atPush,
      missing: preview.missing,
    };
    return answer;
  });
  app.delete('/api/v1/destinations/:id', async (request, reply) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    await destinations.remove({ id, principal });
    return reply.status(204).send();
  });
}
