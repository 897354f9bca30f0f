import { z } from 'zod';
import type { CustomFieldDefinition } from '../../schemas.js';
import { invalidInput, notFound } from '../api-error.js';
import type { SimulatorCore } from '../core.js';
import { params, type EndpointTable } from './endpoint.js';

/**
 * Custom fields HireBridge creates and fills on openings (hris-apis.md §6): definitions are created with
 * objectType `Opening_Version` and read back as `Opening` (an inference, UNCONFIRMED); values are set
 * with objectType `Opening`, which needs candidatesWrite for every object type. Only openings take
 * values here: the simulator has no use for setting them on candidates or applications yet.
 */
const FIELD_TYPES = [
  'Boolean',
  'CompensationRange',
  'Currency',
  'Date',
  'LongText',
  'MultiValueSelect',
  'Number',
  'NumberRange',
  'String',
  'ValueSelect',
  'Url',
  'UUID',
] as const;
const OBJECT_TYPES = [
  'Application',
  'Candidate',
  'Job',
  'Employee',
  'Talent_Project',
  'Opening_Version',
  'Offer_Version',
] as const;
/** The objectType a definition reads back with. */
const READ_TYPE: Record<(typeof OBJECT_TYPES)[number], string> = {
  Application: 'Application',
  Candidate: 'Candidate',
  Job: 'Job',
  Employee: 'Employee',
  Talent_Project: 'Talent_Project',
  Opening_Version: 'Opening',
  Offer_Version: 'Offer',
};

const createBody = z.looseObject({
  fieldType: z.enum(FIELD_TYPES),
  objectType: z.enum(OBJECT_TYPES),
  title: z.string().min(1),
  description: z.string().optional(),
  selectableValues: z.array(z.looseObject({ label: z.string(), value: z.string() })).optional(),
});
const setValueBody = z.looseObject({
  objectId: z.string(),
  objectType: z.enum(['Application', 'Candidate', 'Job', 'Opening']),
  fieldId: z.string(),
  fieldValue: z.unknown(),
});

function requireDefinition(core: SimulatorCore, id: string): CustomFieldDefinition {
  const definition = core.state.customFieldDefinitions.get(id);
  if (definition === undefined) throw notFound('custom_field');
  return definition;
}

export const openingFieldEndpoints: EndpointTable = {
  'customField.create': {
    permission: 'hiringProcessMetadataWrite',
    handle: ({ core, body }) => {
      const p = params(createBody, body);
      if ((p.fieldType === 'ValueSelect' || p.fieldType === 'MultiValueSelect') && !p.selectableValues)
        throw invalidInput('parameter selectableValues: required for select fields');
      const definition: CustomFieldDefinition = {
        id: core.state.newId(),
        title: p.title,
        isPrivate: false,
        objectType: READ_TYPE[p.objectType],
        isArchived: false,
        fieldType: p.fieldType,
        isRequired: false,
        ...(p.description === undefined ? {} : { description: p.description }),
        ...(p.selectableValues === undefined
          ? {}
          : { selectableValues: p.selectableValues.map((v) => ({ ...v, isArchived: false })) }),
      };
      core.state.customFieldDefinitions.set(definition.id, definition);
      core.state.touch(definition.id);
      return { results: structuredClone(definition) };
    },
  },
  'customField.updateSelectableValues': {
    permission: 'hiringProcessMetadataWrite',
    handle: ({ core, body }) => {
      const p = params(
        z.looseObject({ customFieldId: z.string(), selectableValues: z.array(z.unknown()) }),
        body,
      );
      return { results: structuredClone(requireDefinition(core, p.customFieldId)) };
    },
  },
  'customField.setValue': {
    permission: 'candidatesWrite',
    handle: ({ core, body }) => {
      const p = params(setValueBody, body);
      if (p.objectType !== 'Opening') throw invalidInput('parameter objectType: only Opening is simulated');
      const opening = core.state.openings.get(p.objectId);
      if (opening?.latestVersion == null) throw notFound('opening');
      const definition = requireDefinition(core, p.fieldId);
      if (definition.objectType !== 'Opening')
        throw invalidInput('parameter fieldId: the field is not an opening field');
      const value = { id: definition.id, title: definition.title, isPrivate: false, value: p.fieldValue };
      const fields = (opening.latestVersion.customFields ?? []).filter((f) => f.id !== definition.id);
      opening.latestVersion.customFields = [...fields, value as (typeof fields)[number]];
      core.state.touch(opening.id);
      return { results: value };
    },
  },
};
