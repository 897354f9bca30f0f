import type { Kysely } from 'kysely';
import { insertConnection } from '../../src/db/repositories/ashby-connection.repository.js';
import type { Database } from '../../src/db/tables/database.js';

/** An Ashby connection row for store tests: nothing behind it answers, and its secrets are placeholders. */
export async function insertTestConnection(db: Kysely<Database>, id: string, name = 'Test'): Promise<void> {
  await insertConnection(db, {
    id,
    name,
    api_url: 'http://127.0.0.1:1',
    api_key_sealed: 'sealed',
    webhook_secret_sealed: 'sealed',
    permissions: '{"required":[],"optional":[]}',
    ashby_webhooks: '[]',
    created_by: 'test',
    created_at: 0,
    updated_at: 0,
    last_ping_at: null,
    last_delivery_at: null,
  });
}
