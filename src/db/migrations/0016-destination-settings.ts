import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * What an admin sets on a destination besides its credentials (HiBob's default site and document folders,
 * Humaans' compensation type, every destination's field mapping): a JSON object checked by the
 * connector's settings schema, stored in clear (it holds no secret). `{}` means "the connector's
 * defaults", so existing destinations keep working unchanged.
 * @public (listed in migrator.ts)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('destinations')
    .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

/** @public (listed in migrator.ts) */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('destinations').dropColumn('settings').execute();
}
