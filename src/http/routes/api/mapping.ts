import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../../app/actor.js';
import type { MappingView } from '../../../app/get-mapping.js';
import type { MappingPreview } from '../../../app/preview-mapping.js';
import {
  ashbyFieldsQuerySchema,
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
import { requireRole } from '../../plugins/authenticate.js';
import type { HttpServices } from '../../services.js';
import { isoOrNull } from '../../time-format.js';
import { parseInput } from '../../validate.js';

const idParams = z.object({ id: z.string().min(1).max(100) });
const fieldsQuery = z.object({ connectionId: z.string().min(1).max(100).optional() });

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
  // The fields new hires of a connection carry (canonical and custom, with labels and sections): what
  // the review page lays out. Inbox managers need it, unlike the mapping itself. Without a connection
  // (members imported from CSV): the standard fields.
  app.get('/api/v1/new-hire-fields', async (request) => {
    requireRole(request, 'inbox');
    const { connectionId } = parseInput(fieldsQuery, request.query, 'query');
    const fields = connectionId ? (await services.getMapping(connectionId)).targets : NEW_HIRE_FIELDS;
    return { items: fields.map(toTarget) };
  });
  app.get('/api/v1/connections/:id/mapping', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    return toMappingResponse(await services.getMapping(id));
  });
  app.put('/api/v1/connections/:id/mapping', async (request) => {
    const principal = requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    // The body is the whole mapping; the engine checks it and names every problem by rule.
    return toMappingResponse(
      await services.saveMapping({ connectionId: id, mapping: request.body, actor: actorOf(principal) }),
    );
  });
  app.post('/api/v1/connections/:id/mapping/preview', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const body = parseInput(previewMappingRequestSchema, request.body, 'body');
    const subject =
      body.applicationId !== undefined
        ? { applicationId: body.applicationId }
        : { newHireId: body.newHireId ?? '' };
    const preview = await services.previewMapping({
      connectionId: id,
      subject,
      ...(body.mapping === undefined ? {} : { mapping: body.mapping }),
    });
    return toPreviewResponse(preview);
  });
  app.get('/api/v1/connections/:id/ashby-fields', async (request) => {
    requireRole(request, 'admin');
    const { id } = parseInput(idParams, request.params, 'params');
    const { fresh } = parseInput(ashbyFieldsQuerySchema, request.query, 'query');
    const fields = await services.listAshbyFields({ connectionId: id, fresh: fresh === 'true' });
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
  });
}
