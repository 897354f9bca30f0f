import type { MappingSpec } from '../mapping/mapping-spec.js';
import type { AuditEntry } from '../model/member.js';

/** One saved revision of a connection's field mapping. Revisions are kept: an old one is never changed. */
export interface MappingRevision {
  readonly connectionId: string;
  /** 1 for the first saved mapping, then +1 per save. Not the spec's format `version`. */
  readonly revision: number;
  readonly spec: MappingSpec;
  readonly savedAt: number;
  readonly savedBy: string;
}

/** The field mappings of Ashby connections at rest. A connection without one uses the default mapping. */
export interface MappingStore {
  /** The newest revision, or undefined when the connection never saved a mapping. */
  current(connectionId: string): Promise<MappingRevision | undefined>;
  /**
   * Stores `mapping` and its audit entry in one transaction. False, with nothing stored, when that
   * revision number is already taken: someone else saved in between (the caller read a stale current).
   */
  save(mapping: MappingRevision, audit: AuditEntry): Promise<boolean>;
}
