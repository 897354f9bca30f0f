import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from '../tables/database.js';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-ashby-intake.js';
import * as m0003 from './0003-inbox-directory.js';
import * as m0004 from './0004-ashby-sync-state.js';
import * as m0005 from './0005-connection-mappings.js';
import * as m0006 from './0006-documents-notifications.js';
import * as m0007 from './0007-sign-in.js';
import * as m0008 from './0008-destinations.js';
import * as m0009 from './0009-account-security.js';
import * as m0011 from './0011-positions-openings.js';
import * as m0012 from './0012-rate-limits.js';
import * as m0013 from './0013-member-history.js';
import * as m0014 from './0014-destination-notices.js';
import * as m0015 from './0015-one-queued-import-per-event.js';
import * as m0016 from './0016-destination-settings.js';
import { sealPersonalData } from './0017-seal-personal-data.js';
import * as m0018 from './0018-erasure.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import * as m0019 from './0019-backfill-runs.js';
import * as m0020 from './0020-notification-preferences.js';

/**
 * Migrations are listed in code, not read from a folder, so the built package and tsx runs see the
 * same set and a typo is a compile error. Names sort in order of application.
 */
const migrations = (seal: PersonalDataSeal | undefined): Record<string, Migration> => ({
  '0001-foundation': m0001,
  '0002-ashby-intake': m0002,
  '0003-inbox-directory': m0003,
  '0004-ashby-sync-state': m0004,
  '0005-connection-mappings': m0005,
  '0006-documents-notifications': m0006,
  '0007-sign-in': m0007,
  '0008-destinations': m0008,
  '0009-account-security': m0009,
  '0011-positions-openings': m0011,
  '0012-rate-limits': m0012,
  '0013-member-history': m0013,
  '0014-destination-notices': m0014,
  '0015-one-queued-import-per-event': m0015,
  '0016-destination-settings': m0016,
  '0017-seal-personal-data': sealPersonalData(seal),
  '0018-erasure': m0018,
  '0019-backfill-runs': m0019,
  '0020-notification-preferences': m0020,
});

function migrator(db: Kysely<Database>, seal?: PersonalDataSeal): Migrator {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(seal)) };
  return new Migrator({ db, provider });
}

/**
 * Applies every pending migration; Kysely's lock makes concurrent starts safe. Returns what ran. The
 * seal (the secret box) is needed by the migration that seals personal data already stored.
 */
export async function migrateToLatest(db: Kysely<Database>, seal?: PersonalDataSeal): Promise<string[]> {
  // Every start after an upgrade finds nothing to do; finding that out only reads, so a process starting
  // next to busy SQLite writers does not queue for the write lock the migration lock needs (the kill -9
  // chaos suite saw restarts fail with "database is locked" there).
  if ((await pendingMigrations(db)).length === 0) return [];
  const { error, results } = await migrator(db, seal).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('migration failed with a non-error value');
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
