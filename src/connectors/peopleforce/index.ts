import { z } from 'zod';
import type { DestinationClient } from '../../core/ports/destination.js';
import type { ConnectorDefinition } from '../definition.js';
import { createPeopleforceDestination } from './destination-client.js';
import { PEOPLEFORCE_FIELD_PRESET, peopleforceFieldRuleSchema } from './field-mapping.js';
import { previewPeopleforce } from './preview.js';
import { peopleforceSettingsSchema, type PeopleforceSettings } from './settings.js';

export { PEOPLEFORCE_FIELD_PRESET } from './field-mapping.js';

const credentials = z.object({
  apiKey: z
    .string({ error: 'apiKey is required: a PeopleForce company API key' })
    .trim()
    .min(1, 'apiKey is required: a PeopleForce company API key'),
});
export type PeopleforceCredentials = z.infer<typeof credentials>;

/** PeopleForce (hris-apis.md §4): the company API key goes in `X-API-KEY`. */
export const peopleforce = {
  type: 'peopleforce',
  kind: 'destination',
  label: 'PeopleForce',
  credentials,
  defaultBaseUrl: 'https://app.peopleforce.io/api/public/v3',
  capabilities: ['create', 'update', 'documents', 'compensation', 'manager'],
  settings: {
    schema: peopleforceSettingsSchema,
    rule: peopleforceFieldRuleSchema,
    preset: PEOPLEFORCE_FIELD_PRESET,
    targets:
      'a PeopleForce field such as employee.first_name, employee.<custom internal_name>, position.department_id or salary.amount',
    preview: previewPeopleforce,
  },
  create: (context, creds, settings?: PeopleforceSettings) =>
    createPeopleforceDestination(
      {
        http: context.http,
        baseUrl: context.baseUrl,
        apiKey: creds.apiKey,
        limiterKey: context.limiterKey,
      },
      settings,
    ),
} as const satisfies ConnectorDefinition<
  'peopleforce',
  'destination',
  PeopleforceCredentials,
  DestinationClient,
  PeopleforceSettings
>;
