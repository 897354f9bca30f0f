import { z } from 'zod';
import type { DestinationClient } from '../../core/ports/destination.js';
import type { ConnectorDefinition } from '../definition.js';
import { createCharthopDestination } from './destination-client.js';
import { CHARTHOP_FIELD_PRESET, charthopFieldRuleSchema } from './field-mapping.js';
import { previewCharthop } from './preview.js';
import { charthopSettingsSchema, type CharthopSettings } from './settings.js';

export { CHARTHOP_FIELD_PRESET } from './field-mapping.js';

const required = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`);

const credentials = z.object({
  apiToken: required('apiToken (the ChartHop app token)'),
  orgId: required('orgId (the ChartHop organization id or slug)'),
});
export type CharthopCredentials = z.infer<typeof credentials>;

/** ChartHop (hris-apis.md §5): an app token as Bearer, the org id or slug in every path. */
export const charthop = {
  type: 'charthop',
  kind: 'destination',
  label: 'ChartHop',
  credentials,
  defaultBaseUrl: 'https://api.charthop.com',
  capabilities: ['create', 'update', 'documents', 'compensation', 'manager'],
  settings: {
    schema: charthopSettingsSchema,
    rule: charthopFieldRuleSchema,
    preset: CHARTHOP_FIELD_PRESET,
    targets:
      'a ChartHop field such as person.name.first, person.contact.homeEmail, person.fields.<field id>, job.title or hire.date',
    preview: previewCharthop,
  },
  create: (context, creds, settings?: CharthopSettings) =>
    createCharthopDestination(
      {
        http: context.http,
        baseUrl: context.baseUrl,
        apiToken: creds.apiToken,
        orgId: creds.orgId,
        limiterKey: context.limiterKey,
      },
      settings,
    ),
} as const satisfies ConnectorDefinition<
  'charthop',
  'destination',
  CharthopCredentials,
  DestinationClient,
  CharthopSettings
>;
