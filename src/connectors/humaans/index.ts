import { z } from 'zod';
import type { ConnectorDefinition } from '../definition.js';
import { createHumaansDestination, type HumaansCredentials, type HumaansDestination } from './destination.js';
import { HUMAANS_PRESET_MAPPING, humaansFieldRuleSchema } from './field-mapping.js';
import { previewHumaans } from './preview.js';
import { humaansSettingsSchema, type HumaansSettings } from './settings.js';

const credentials: z.ZodType<HumaansCredentials> = z.object({
  apiToken: z.string().trim().min(1, 'the API token is empty'),
});

/**
 * Humaans as a destination: an API token sent as `Authorization: Bearer` (§3.1) with the scopes
 * private:write, compensations:write and documents:write (plus the read scopes). Destination settings
 * (document types, compensation type, field mapping) are `humaansSettingsSchema`.
 */
export const humaans: ConnectorDefinition<
  'humaans',
  'destination',
  HumaansCredentials,
  HumaansDestination,
  HumaansSettings
> = {
  type: 'humaans',
  kind: 'destination',
  label: 'Humaans',
  credentials,
  defaultBaseUrl: 'https://app.humaans.io/api',
  capabilities: ['create', 'update', 'documents', 'compensation', 'manager', 'customFields'],
  settings: {
    schema: humaansSettingsSchema,
    rule: humaansFieldRuleSchema,
    preset: HUMAANS_PRESET_MAPPING,
    targets: 'a Humaans field such as person.firstName, jobRole.jobTitle or customField.<id>',
    preview: previewHumaans,
  },
  create: (context, creds, settings) => createHumaansDestination(context, creds, settings),
};
