import { z } from 'zod';
import type { ConnectorDefinition } from '../definition.js';
import { createHibobDestination, type HibobCredentials, type HibobDestination } from './destination.js';

/** Production and sandbox API roots (official OpenAPI `servers`, §1, §2.1). */
export const HIBOB_BASE_URLS = ['https://api.hibob.com/v1', 'https://api.sandbox.hibob.com/v1'] as const;

const credentials: z.ZodType<HibobCredentials> = z.object({
  serviceUserId: z.string().trim().min(1, 'the service user ID is empty'),
  token: z.string().trim().min(1, 'the service user token is empty'),
});

/**
 * HiBob (Bob) as a destination: a service user's ID and token over HTTP Basic (§2.1). Destination
 * settings (default site, document folders, welcome wizard, field mapping) are `hibobSettingsSchema`;
 * `create` uses their defaults until the definition type carries settings.
 */
export const hibob: ConnectorDefinition<'hibob', 'destination', HibobCredentials, HibobDestination> = {
  type: 'hibob',
  kind: 'destination',
  label: 'HiBob',
  credentials,
  defaultBaseUrl: HIBOB_BASE_URLS[0],
  capabilities: ['create', 'update', 'documents', 'compensation', 'manager', 'customFields'],
  create: (context, creds) => createHibobDestination(context, creds),
};
