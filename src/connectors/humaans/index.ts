import { z } from 'zod';
import type { ConnectorDefinition } from '../definition.js';
import { createHumaansDestination, type HumaansCredentials, type HumaansDestination } from './destination.js';

const credentials: z.ZodType<HumaansCredentials> = z.object({
  apiToken: z.string().trim().min(1, 'the API token is empty'),
});

/**
 * Humaans as a destination: an API token sent as `Authorization: Bearer` (§3.1) with the scopes
 * private:write, compensations:write and documents:write (plus the read scopes). Destination settings
 * (document types, compensation type, field mapping) are `humaansSettingsSchema`; `create` uses their
 * defaults until the definition type carries settings.
 */
export const humaans: ConnectorDefinition<'humaans', 'destination', HumaansCredentials, HumaansDestination> =
  {
    type: 'humaans',
    kind: 'destination',
    label: 'Humaans',
    credentials,
    defaultBaseUrl: 'https://app.humaans.io/api',
    capabilities: ['create', 'update', 'documents', 'compensation', 'manager', 'customFields'],
    create: (context, creds) => createHumaansDestination(context, creds),
  };
