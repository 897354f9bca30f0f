import { z } from 'zod';
import type { ConnectorDefinition } from '../definition.js';
import { createHibobDestination, type HibobCredentials, type HibobDestination } from './destination.js';
import { HIBOB_PRESET_MAPPING, hibobFieldRuleSchema } from './field-mapping.js';
import { previewHibob } from './preview.js';
import { hibobSettingsSchema, type HibobSettings } from './settings.js';

/** Production and sandbox API roots (official OpenAPI `servers`, §1, §2.1). */
export const HIBOB_BASE_URLS = ['https://api.hibob.com/v1', 'https://api.sandbox.hibob.com/v1'] as const;

const credentials: z.ZodType<HibobCredentials> = z.object({
  serviceUserId: z.string().trim().min(1, 'the service user ID is empty'),
  token: z.string().trim().min(1, 'the service user token is empty'),
});

/**
 * HiBob (Bob) as a destination: a service user's ID and token over HTTP Basic (§2.1). Destination
 * settings (default site, document folders, welcome wizard, pacing, field mapping) are
 * `hibobSettingsSchema`.
 */
export const hibob: ConnectorDefinition<
  'hibob',
  'destination',
  HibobCredentials,
  HibobDestination,
  HibobSettings
> = {
  type: 'hibob',
  kind: 'destination',
  label: 'HiBob',
  credentials,
  defaultBaseUrl: HIBOB_BASE_URLS[0],
  capabilities: ['create', 'update', 'documents', 'compensation', 'manager', 'customFields'],
  settings: {
    schema: hibobSettingsSchema,
    rule: hibobFieldRuleSchema,
    preset: HIBOB_PRESET_MAPPING,
    targets: 'a HiBob field path such as work.title or root.custom.field_1696',
    preview: previewHibob,
  },
  create: (context, creds, settings) => createHibobDestination(context, creds, settings),
};
