import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../../app/actor.js';
import type { MappingView } from '../../../app/get-mapping.js';
import type { MappingPreview } from '../../../app/preview-mapping.js';
import { idParamsSchema, itemsOf } from '../../../contract/common.js';
import {
  ashbyFieldSchema,
  ashbyFieldsQuerySchema,
  mappingDocumentSchema,
  mappingPreviewResponseSchema,
  mappingResponseSchema,
  mappingTargetSchema,
  newHireFieldsQuerySchema,
  previewMappingRequestSchema,
  type AshbyFieldResponse,
  type MappingPreviewResponse,
  type MappingResponse,
  type MappingTargetResponse,
} from '../../../contract/mapping.js';
import {
  isCanonicalFieldKey,
  NEW_HIRE_FIELDS,
  type FieldDefinition,
} from '../../../core/model/new-hire-fields.js';
import { sensitivityOf } from '../../../core/mapping/sensitive-fields.js';
import { requireCaller } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';

const toTarget = (t: FieldDefinition): MappingTargetResponse => ({
  key: t.key,
  label: t.label,
  section: t.section,
  type: t.type,
  required: t.required,
  custom: !isCanonicalFieldKey(t.key),
  sensitive: t.sensitive === true,
  sensitivity: sensitivityOf(t),
});

function toMappingResponse(view: MappingView): MappingResponse {
  return {
    connectionId: view.connectionId,
    revision: view.revision,
    isDefault: view.revision === null,
    savedAt: isoOrNull(view.savedAt),
    savedBy: view.savedBy,
    mapping: view.spec,
    targets: view.targets.map(toTarget),
  };
}

function toPreviewResponse(p: MappingPreview): MappingPreviewResponse {
  return {
    connectionId: p.connectionId,
    applicationId: p.applicationId,
    newHireId: p.newHireId,
    revision: p.revision,
    unsaved: p.unsaved,
    fields: { ...p.fields },
    missingRequired: [...p.missingRequired],
    targets: p.targets.map(toTarget),
  };
}

/** A connection's field mapping (admins): read, replace, try on a real hire, and the Ashby fields to use. */
export function mappingRoutes(app: FastifyInstance, services: HttpServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Field mapping'];
  // The fields new hires of a connection carry (canonical and custom, with labels and sections): what
  // the review page lays out. Inbox managers need it, unlike the mapping itself. Without a connection
  // (members imported from CSV): the standard fields.
  api.get(
    '/api/v1/new-hire-fields',
    {
      schema: {
        tags,
        summary: 'The fields new hires carry',
        querystring: newHireFieldsQuerySchema,
        response: { 200: itemsOf(mappingTargetSchema) },
      },
      config: { access: 'inbox' },
    },
    async ({ query: { connectionId } }) => {
      const fields = connectionId ? (await services.getMapping(connectionId)).targets : NEW_HIRE_FIELDS;
      return { items: fields.map(toTarget) };
    },
  );
  api.get(
    '/api/v1/connections/:id/mapping',
    {
      schema: {
        tags,
        summary: "A connection's field mapping",
        params: idParamsSchema,
        response: { 200: mappingResponseSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params }) => toMappingResponse(await services.getMapping(params.id)),
  );
  api.put(
    '/api/v1/connections/:id/mapping',
    {
      schema: {
        tags,
        summary: "Replace a connection's field mapping",
        params: idParamsSchema,
        body: mappingDocumentSchema,
        response: { 200: mappingResponseSchema },
      },
      config: { access: 'admin' },
    },
    async (request) =>
      toMappingResponse(
        await services.saveMapping({
          connectionId: request.params.id,
          mapping: request.body,
          actor: actorOf(requireCaller(request)),
        }),
      ),
  );
  api.post(
    '/api/v1/connections/:id/mapping/preview',
    {
      schema: {
        tags,
        summary: 'Try the mapping (saved or not) on a real hire',
        params: idParamsSchema,
        body: previewMappingRequestSchema,
        response: { 200: mappingPreviewResponseSchema },
      },
      config: { access: 'admin' },
    },
    async ({ params, body }) => {
      const subject =
        body.applicationId !== undefined
          ? { applicationId: body.applicationId }
          : { newHireId: body.newHireId ?? '' };
      const preview = await services.previewMapping({
        connectionId: params.id,
        subject,
        ...(body.mapping === undefined ? {} : { mapping: body.mapping }),
      });
      return toPreviewResponse(preview);
    },
  );
  api.get(
    '/api/v1/connections/:id/ashby-fields',
    {
      schema: {
        tags,
        summary: "The connection's Ashby custom fields, for mapping rules",
        params: idParamsSchema,
        querystring: ashbyFieldsQuerySchema,
        response: { 200: itemsOf(ashbyFieldSchema) },
      },
      config: { access: 'admin' },
    },
    async ({ params, query }) => {
      const fields = await services.listAshbyFields({
        connectionId: params.id,
        fresh: query.fresh === 'true',
      });
      const items: AshbyFieldResponse[] = fields.map((f) => ({
        id: f.id,
        title: f.title,
        objectType: f.objectType,
        fieldType: f.fieldType,
        isArchived: f.isArchived,
        selectableValues: f.selectableValues
          ? f.selectableValues.map((v) => ({ label: v.label, value: v.value }))
          : null,
        source: f.source,
      }));
      return { items };
    },
  );
}
