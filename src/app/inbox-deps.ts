import type { MappingSpec } from '../core/mapping/mapping-spec.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** What the inbox and directory use cases share. */
export interface InboxDeps {
  readonly inbox: InboxStore;
  /**
   * The connection's mapping in force, read from the database: call it before opening an inbox
   * transaction, never inside one (on SQLite the transaction holds the only connection, so it would wait forever).
   */
  readonly mappingFor: (connectionId: string) => Promise<MappingSpec>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
