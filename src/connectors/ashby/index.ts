import { z } from 'zod';
import { DEFAULT_ASHBY_API_URL } from '../../core/model/ashby-connection.js';
import type { ConnectorDefinition } from '../definition.js';
import { createAshbyClient } from './client.js';
import { ashbySource, type AshbySource } from './gateway.js';
import { createAshbyOpenings } from './openings.js';
import { createAshbyReader } from './reader.js';

export type { AshbySource } from './gateway.js';
export { ashbyWebhookCodec } from './webhook-codec.js';

/**
 * Ashby, the source of new hires (and where positions are published as openings): an instance is one
 * API key's gateway (client, reader caches, opening sync calls, the key's limiter bucket). The webhook codec (signature check and parser) is exported beside it because
 * intake needs it before any instance exists.
 */
export const ashbyConnector = {
  type: 'ashby',
  kind: 'source',
  label: 'Ashby',
  credentials: z.object({ apiKey: z.string().min(1, 'apiKey is required') }),
  defaultBaseUrl: DEFAULT_ASHBY_API_URL,
  capabilities: ['webhooks', 'backfill', 'reconcile', 'documents'],
  create: (context, credentials) => {
    const transport = {
      http: context.http,
      apiUrl: context.baseUrl,
      apiKey: credentials.apiKey,
      limiterKey: context.limiterKey,
    };
    return ashbySource(
      createAshbyReader(createAshbyClient(transport), { clock: context.clock }),
      createAshbyOpenings(transport),
    );
  },
} satisfies ConnectorDefinition<'ashby', 'source', { apiKey: string }, AshbySource>;
