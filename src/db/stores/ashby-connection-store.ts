import type { Kysely } from 'kysely';
import type { AshbyConnection } from '../../core/model/ashby-connection.js';
import type { AshbyConnectionStore } from '../../core/ports/ashby-connection-store.js';
import type { IntakeConnections } from '../../core/ports/intake-connections.js';
import {
  findConnection,
  insertConnection,
  listConnections,
  updateConnection,
} from '../repositories/ashby-connection.repository.js';
import type { AshbyConnectionRow } from '../tables/ashby-connection.table.js';
import type { Database } from '../tables/database.js';
import type { SecretBox } from '../../core/ports/secret-box.js';

/** Seal contexts bind each ciphertext to its column and row: a value copied elsewhere will not open. */
export const apiKeyContext = (id: string) => `ashby_connections.api_key:${id}`;
const secretContext = (id: string) => `ashby_connections.webhook_secret:${id}`;

function toConnection(row: AshbyConnectionRow): AshbyConnection {
  return {
    id: row.id,
    name: row.name,
    apiUrl: row.api_url,
    permissions: JSON.parse(row.permissions) as AshbyConnection['permissions'],
    ashbyWebhooks: JSON.parse(row.ashby_webhooks) as AshbyConnection['ashbyWebhooks'],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastPingAt: row.last_ping_at,
    lastDeliveryAt: row.last_delivery_at,
  };
}

export function ashbyConnectionStore(db: Kysely<Database>, box: SecretBox): AshbyConnectionStore {
  return {
    insert: (c, secrets) =>
      insertConnection(db, {
        id: c.id,
        name: c.name,
        api_url: c.apiUrl,
        api_key_sealed: box.seal(secrets.apiKey, apiKeyContext(c.id)),
        webhook_secret_sealed: box.seal(secrets.webhookSecret, secretContext(c.id)),
        permissions: JSON.stringify(c.permissions),
        ashby_webhooks: JSON.stringify(c.ashbyWebhooks),
        created_by: c.createdBy,
        created_at: c.createdAt,
        updated_at: c.updatedAt,
        last_ping_at: c.lastPingAt,
        last_delivery_at: c.lastDeliveryAt,
      }),
    find: async (id) => {
      const row = await findConnection(db, id);
      return row && toConnection(row);
    },
    list: async () => (await listConnections(db)).map(toConnection),
    replaceApiKey: (id, apiKey, permissions, at) =>
      updateConnection(db, id, {
        api_key_sealed: box.seal(apiKey, apiKeyContext(id)),
        permissions: JSON.stringify(permissions),
        updated_at: at,
      }),
    setWebhooks: (id, webhooks, at) =>
      updateConnection(db, id, { ashby_webhooks: JSON.stringify(webhooks), updated_at: at }),
  };
}

/**
 * What the webhook route needs per delivery. The opened Secret Token is cached in memory for a short
 * while: intake then costs one indexed read at most, and a reconnect or rotation is seen within the TTL.
 */
export function intakeConnections(
  db: Kysely<Database>,
  box: SecretBox,
  now: () => number,
  ttlMs = 30_000,
): IntakeConnections {
  const cache = new Map<string, { secret: string; until: number }>();
  return {
    webhookSecret: async (id) => {
      const hit = cache.get(id);
      if (hit && hit.until > now()) return hit.secret;
      const row = await findConnection(db, id);
      if (!row) return undefined;
      const secret = box.open(row.webhook_secret_sealed, secretContext(id));
      cache.set(id, { secret, until: now() + ttlMs });
      return secret;
    },
    notePing: (id, at) => updateConnection(db, id, { last_ping_at: at }),
  };
}

/** The decrypted API key of a connection, for building its Ashby gateway. */
export async function openApiKey(db: Kysely<Database>, box: SecretBox, id: string) {
  const row = await findConnection(db, id);
  return row && { apiUrl: row.api_url, apiKey: box.open(row.api_key_sealed, apiKeyContext(id)) };
}
