import type { Selectable } from 'kysely';

/** One revision of a connection's field mapping (rows are only ever inserted). */
export interface ConnectionMappingTable {
  connection_id: string;
  revision: number;
  /** JSON: the mapping spec, validated before it was stored. */
  spec: string;
  saved_at: number;
  saved_by: string;
}

export type ConnectionMappingRow = Selectable<ConnectionMappingTable>;
