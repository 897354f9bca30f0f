import type { Kysely } from 'kysely';
import { parseMappingSpec } from '../../core/mapping/mapping-spec.js';
import { sensitiveKeysOf } from '../../core/mapping/sensitive-fields.js';
import type { MappingRevision, MappingStore } from '../../core/ports/mapping-store.js';
import type { PersonalDataSeal } from '../../core/ports/personal-data-seal.js';
import { findLatestMapping, insertMappingRevision } from '../repositories/connection-mapping.repository.js';
import { insertAudit } from '../repositories/inbox.repository.js';
import type { ConnectionMappingRow } from '../tables/connection-mapping.table.js';
import type { Database } from '../tables/database.js';
import { resealPersonalData } from './personal-data-reseal.js';

function toRevision(row: ConnectionMappingRow): MappingRevision {
  // Stored specs were validated when saved; parsing again still guards against a hand-edited row and
  // fills defaults a later schema adds, instead of trusting a cast.
  const parsed = parseMappingSpec(JSON.parse(row.spec));
  if (!parsed.ok) {
    throw new Error(
      `stored mapping of connection ${row.connection_id}, revision ${row.revision}, is unreadable: ${parsed.problems[0]?.message ?? 'unknown'}`,
    );
  }
  return {
    connectionId: row.connection_id,
    revision: row.revision,
    spec: parsed.spec,
    savedAt: row.saved_at,
    savedBy: row.saved_by,
  };
}

/**
 * The mapping revisions. Every spec read or saved teaches the seal which fields it marks sensitive, so
 * a worker importing with a mapping seals what that mapping marks; a save that marks a new field
 * sensitive seals the values already stored, in the same transaction.
 */
export function mappingStore(db: Kysely<Database>, seal: PersonalDataSeal): MappingStore {
  return {
    current: async (connectionId) => {
      const row = await findLatestMapping(db, connectionId);
      const revision = row && toRevision(row);
      if (revision) seal.learn(sensitiveKeysOf(revision.spec));
      return revision;
    },
    save: (mapping, audit) =>
      db.transaction().execute(async (trx) => {
        const inserted = await insertMappingRevision(trx, {
          connection_id: mapping.connectionId,
          revision: mapping.revision,
          spec: JSON.stringify(mapping.spec),
          saved_at: mapping.savedAt,
          saved_by: mapping.savedBy,
        });
        if (!inserted) return false;
        if (seal.learn(sensitiveKeysOf(mapping.spec))) await resealPersonalData(trx, seal);
        await insertAudit(trx, {
          id: audit.id,
          at: audit.at,
          actor: audit.actor,
          action: audit.action,
          target_type: audit.targetType,
          target_id: audit.targetId,
          details: JSON.stringify(audit.details),
        });
        return true;
      }),
  };
}
