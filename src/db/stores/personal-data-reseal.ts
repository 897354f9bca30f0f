import type { Kysely } from 'kysely';
import { parseMappingSpec } from '../../core/mapping/mapping-spec.js';
import { sensitiveKeysOf } from '../../core/mapping/sensitive-fields.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import {
  PERSONAL_DATA_COLUMNS,
  readAllMappingSpecs,
  readJsonPage,
  writeJson,
} from '../repositories/personal-data.repository.js';
import type { Database } from '../tables/database.js';

const PAGE = 500;

/** Teaches the seal the keys every stored mapping marks sensitive (at start-up and before a reseal). */
export async function learnSensitiveKeys(db: Kysely<Database>, seal: PersonalDataSeal): Promise<boolean> {
  let learned = false;
  for (const text of await readAllMappingSpecs(db)) {
    const parsed = parseMappingSpec(JSON.parse(text));
    if (parsed.ok && seal.learn(sensitiveKeysOf(parsed.spec))) learned = true;
  }
  return learned;
}

/**
 * Seals every plaintext value at a sensitive key in the five JSON columns that hold field values.
 * Idempotent: a row whose sensitive values are all sealed is not written again, so a second run (or a
 * run interrupted half-way and started again) changes nothing. Returns how many rows it sealed.
 */
export async function resealPersonalData(db: Kysely<Database>, seal: PersonalDataSeal): Promise<number> {
  await learnSensitiveKeys(db, seal);
  let sealed = 0;
  for (const where of PERSONAL_DATA_COLUMNS) {
    for (let after = ''; ;) {
      const page = await readJsonPage(db, where, after, PAGE);
      for (const row of page) {
        const map = JSON.parse(row.value) as Record<string, unknown>;
        if (!seal.needsSealing(map)) continue;
        await writeJson(db, where, row.id, JSON.stringify(seal.sealMap(map, `${where.context}:${row.id}`)));
        sealed += 1;
      }
      const last = page.at(-1);
      if (last === undefined || page.length < PAGE) break;
      after = last.id;
    }
  }
  return sealed;
}

/** Whether any row holds field values at all (a migration without the key can only pass an empty database). */
export async function holdsPersonalData(db: Kysely<Database>): Promise<boolean> {
  for (const where of PERSONAL_DATA_COLUMNS)
    if ((await readJsonPage(db, where, '', 1)).length > 0) return true;
  return false;
}
