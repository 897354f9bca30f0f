import type { Kysely, Migration } from 'kysely';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import { holdsPersonalData, resealPersonalData } from '../stores/personal-data-reseal.js';
import type { Database } from '../tables/database.js';

/**
 * Seals the salary, personal phone and other sensitive values already stored in plaintext (new hires,
 * members, their histories and pending updates) with the secret box. No schema change: the values stay
 * in their JSON columns, each replaced by `{"$sealed": "hb1:…"}`. Idempotent (sealed values are left
 * alone), and the same pass runs again whenever a mapping marks a new field sensitive. It needs the
 * secret key, so migrateToLatest is given the seal; without it only a database with no people passes.
 */
export function sealPersonalData(seal: PersonalDataSeal | undefined): Migration {
  return {
    // The migration reads and writes through the app's own repositories, typed over today's tables.
    async up(db: Kysely<Database>): Promise<void> {
      const handle = db;
      if (seal !== undefined) {
        await resealPersonalData(handle, seal);
      } else if (await holdsPersonalData(handle)) {
        throw new Error('sealing personal data at rest needs the secret key: migrate through the app or CLI');
      }
    },
    // Nothing to undo in the schema; values stay sealed (the app opens sealed and plaintext alike).
    async down(): Promise<void> {},
  };
}
