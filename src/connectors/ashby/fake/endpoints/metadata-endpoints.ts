import { z } from 'zod';
import { permissionToScope } from '../../schemas.js';
import { notFound } from '../api-error.js';
import { paginate } from '../pagination.js';
import { pageBody, pageParamsShape, params, type EndpointTable } from './endpoint.js';

/** Hiring-process metadata (custom field definitions) and API-key introspection. */

const customFieldList = z.looseObject({ ...pageParamsShape, includeArchived: z.boolean().optional() });

export const metadataEndpoints: EndpointTable = {
  'customField.list': {
    permission: 'hiringProcessMetadataRead',
    handle: ({ core, body }) => {
      const p = params(customFieldList, body);
      const all = p.includeArchived === true;
      const order = new Map([...core.state.customFieldDefinitions.keys()].map((id, index) => [id, index]));
      const page = paginate({
        state: core.state,
        items: [...core.state.customFieldDefinitions.values()].filter((d) => all || !d.isArchived),
        createdAtMs: (d) => order.get(d.id) ?? 0,
        params: p,
        filters: `customField:${all}`,
        syncCapable: true,
      });
      return pageBody(page, (d) => d);
    },
  },
  'customField.info': {
    permission: 'hiringProcessMetadataRead',
    handle: ({ core, body }) => {
      const p = params(z.looseObject({ customFieldId: z.string() }), body);
      const definition = core.state.customFieldDefinitions.get(p.customFieldId);
      if (definition === undefined) throw notFound('custom_field');
      return { results: definition };
    },
  },
  'apiKey.info': {
    permission: 'apiKeysRead',
    handle: ({ key }) => ({
      results: {
        title: key.title,
        createdAt: key.createdAt,
        scopes: [...key.permissions].map(permissionToScope),
      },
    }),
  },
};
