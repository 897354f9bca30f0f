import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { emptyBodySchema, idParamsSchema, itemsOf, noContentSchema } from '../../../contract/common.js';
import {
  addDestinationRequestSchema,
  addedDestinationSchema,
  destinationMappingSchema,
  destinationPreviewSchema,
  destinationSchema,
  destinationSettingsSchema,
  destinationTypeSchema,
  patchDestinationSettingsRequestSchema,
  previewRequestSchema,
  putMappingRequestSchema,
  testedDestinationSchema,
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
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';

const iso = (ms: number) => new Date(ms).toISOString();
const tags = ['Destinations'];

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
    sourceFields: [...m.sourceFields],
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
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/destination-types',
    {
      schema: {
        tags,
        summary: 'The kinds of destination that can be added',
        response: { 200: itemsOf(destinationTypeSchema) },
      },
      config: { access: 'admin' },
    },
    () => {
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
    },
  );
  // Readable by inbox managers too (no credentials in it): Add member lets them choose destinations.
  api.get(
    '/api/v1/destinations',
    {
      schema: { tags, summary: 'List destinations', response: { 200: itemsOf(destinationSchema) } },
      config: { access: 'inbox' },
    },
    async () => ({ items: (await destinations.list()).map(toDestinationResponse) }),
  );
  api.post(
    '/api/v1/destinations',
    {
      schema: {
        tags,
        summary: 'Add a destination',
        body: addDestinationRequestSchema,
        response: { 201: addedDestinationSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      const body = request.body;
      const { destination, generated } = await destinations.add({
        type: body.type,
        name: body.name,
        credentials: body.credentials,
        principal: requireCaller(request),
        ...(body.baseUrl === undefined ? {} : { baseUrl: body.baseUrl }),
        ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      });
      const answer: AddedDestinationResponse = {
        ...toDestinationResponse(destination),
        ...(Object.keys(generated).length > 0 ? { generatedCredentials: generated } : {}),
      };
      return reply.status(201).header('cache-control', 'no-store').send(answer);
    },
  );
  api.get(
    '/api/v1/destinations/:id',
    {
      schema: {
        tags,
        summary: 'Read a destination',
        params: idParamsSchema,
        response: { 200: destinationSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toDestinationResponse(await destinations.get(params.id)),
  );
  api.patch(
    '/api/v1/destinations/:id',
    {
      schema: {
        tags,
        summary: 'Edit a destination',
        params: idParamsSchema,
        body: updateDestinationRequestSchema,
        response: { 200: destinationSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const edit = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
      return toDestinationResponse(
        await destinations.update({ id: request.params.id, edit, principal: requireCaller(request) }),
      );
    },
  );
  api.post(
    '/api/v1/destinations/:id/test',
    {
      schema: {
        tags,
        summary: "Check a destination's credentials (resumes paused pushes)",
        params: idParamsSchema,
        body: emptyBodySchema,
        response: { 200: testedDestinationSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { destination, resumedPushes } = await destinations.test({
        id: request.params.id,
        principal: requireCaller(request),
      });
      return { ok: true as const, resumedPushes, destination: toDestinationResponse(destination) };
    },
  );
  api.delete(
    '/api/v1/destinations/:id',
    {
      schema: {
        tags,
        summary: 'Remove a destination',
        params: idParamsSchema,
        response: { 204: noContentSchema },
      },
      config: { access: 'admin' },
    },
    async (request, reply) => {
      await destinations.remove({ id: request.params.id, principal: requireCaller(request) });
      return reply.status(204).send();
    },
  );
  api.get(
    '/api/v1/destinations/:id/settings',
    {
      schema: {
        tags,
        summary: "A destination's settings (defaults filled) and the form's JSON Schema",
        params: idParamsSchema,
        response: { 200: destinationSettingsSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => settingsAnswer(params.id),
  );
  api.patch(
    '/api/v1/destinations/:id/settings',
    {
      schema: {
        tags,
        summary: "Change a destination's settings (null puts a key back to its default)",
        params: idParamsSchema,
        body: patchDestinationSettingsRequestSchema,
        response: { 200: destinationSettingsSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { id } = request.params;
      await destinations.saveSettings({
        id,
        settings: request.body.settings,
        principal: requireCaller(request),
      });
      return settingsAnswer(id);
    },
  );
  api.get(
    '/api/v1/destinations/:id/mapping',
    {
      schema: {
        tags,
        summary: "A destination's field mapping (saved, or its preset) and the fields it can read",
        params: idParamsSchema,
        response: { 200: destinationMappingSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toMappingResponse(await destinations.mapping(params.id)),
  );
  api.put(
    '/api/v1/destinations/:id/mapping',
    {
      schema: {
        tags,
        summary: "Replace a destination's field mapping (rules: null goes back to the preset)",
        params: idParamsSchema,
        body: putMappingRequestSchema,
        response: { 200: destinationMappingSchema },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toMappingResponse(
        await destinations.saveMapping({
          id: request.params.id,
          rules: request.body.rules,
          principal: requireCaller(request),
        }),
      ),
  );
  // A POST because it takes a body, but it changes nothing and sends nothing. Admin only: it shows the
  // member's personal data as the system would receive it.
  api.post(
    '/api/v1/destinations/:id/preview',
    {
      schema: {
        tags,
        summary: 'What a push of a member would send to this destination (nothing is sent)',
        params: idParamsSchema,
        body: previewRequestSchema,
        response: { 200: destinationPreviewSchema },
      },
      config: { access: 'admin' },
    },
    async (request) => {
      const { memberId } = request.body;
      const { destination, preview } = await destinations.preview({ id: request.params.id, memberId });
      const answer: DestinationPreviewResponse = {
        destinationId: destination.id,
        memberId,
        requests: [...preview.requests],
        notes: [...preview.notes],
        atPush: [...preview.atPush],
        missing: [...preview.missing],
      };
      return answer;
    },
  );
}
