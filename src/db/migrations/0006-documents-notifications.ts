import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** @public (listed in migrator.ts) */
export async function up(db: Kysely<any>): Promise<void> {
  // The admin-defined lists documents are filed under: document types (kind 'type') and folders
  // ('folder'), each name once per list whatever its case. Seeded with the two defaults.
  await db.schema
    .createTable('document_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_categories_name', ['kind', 'name_key'])
    .execute();
  await db
    .insertInto('document_categories')
    .values([
      {
        id: 'default-offer-letter',
        kind: 'type',
        name: 'Offer letter',
        name_key: 'offer letter',
        created_at: 0,
        created_by: 'hirebridge',
      },
      {
        id: 'default-hiring-documents',
        kind: 'folder',
        name: 'Hiring documents',
        name_key: 'hiring documents',
        created_at: 0,
        created_by: 'hirebridge',
      },
    ])
    .execute();

  // Per connection, JSON {offerLetter:{enabled, documentType, preferSigned}, candidateFiles:{enabled, folder}}.
  await db.schema
    .createTable('connection_document_settings')
    .addColumn('connection_id', 'text', (c) => c.primaryKey().references('ashby_connections.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  // One row per Ashby file of a new hire; the bytes live in the blob store under blob_key.
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category_kind', 'text', (c) => c.notNull())
    .addColumn('category_name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('ashby_file_id', 'text', (c) => c.notNull())
    .addColumn('file_handle', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('sha256', 'text')
    .addColumn('blob_key', 'text')
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('stored_at', 'bigint')
    // Each Ashby file once per new hire: repeated imports do not download it again.
    .addUniqueConstraint('documents_file_once', ['new_hire_id', 'ashby_file_id'])
    .execute();
  await sql`create index documents_by_member on documents (member_id)`.execute(db);

  // HireBridge users (people who work in HireBridge; not directory members). Sign-in comes later.
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  // Who hears about a connection's new hires: chosen user ids (JSON array, null = the default, the user
  // who connected Ashby) and the Slack incoming-webhook URL sealed by the secret box.
  await db.schema
    .createTable('connection_notification_settings')
    .addColumn('connection_id', 'text', (c) => c.primaryKey().references('ashby_connections.id'))
    .addColumn('connected_by_user_id', 'text')
    .addColumn('recipient_ids', 'text')
    .addColumn('slack_webhook_sealed', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // In-app notifications: ids only, rendered from the new hire when read.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addUniqueConstraint('notifications_once', ['new_hire_id', 'user_id'])
    .execute();
  await sql`create index notifications_by_user on notifications (user_id, created_at)`.execute(db);

  // Emails and Slack messages, one row each, sent by queued jobs; `recipient` is the user id, or '-' for Slack.
  await db.schema
    .createTable('notification_sends')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('new_hire_id', 'text', (c) => c.notNull())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('notification_sends_once', ['new_hire_id', 'channel', 'recipient'])
    .execute();
  await sql`create index notification_sends_by_status on notification_sends (status, created_at)`.execute(db);
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'notification_sends',
    'notifications',
    'connection_notification_settings',
    'users',
    'documents',
    'connection_document_settings',
    'document_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
