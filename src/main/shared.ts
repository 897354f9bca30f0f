import type { Kysely } from 'kysely';
import type { AuditedDeps } from '../app/audited.js';
import type { Config } from '../config/config.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Logger } from '../core/ports/logger.js';
import type { OutboundCallObserver } from '../core/ports/metrics.js';
import type { PersonalDataSeal } from '../core/ports/personal-data-seal.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import type { Database } from '../db/tables/database.js';
import type { JobsOn } from '../db/stores/units-of-work.js';

/** What every feature's wiring is built from (made once in container.ts). */
export interface Shared {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly secretBox: SecretBox;
  /** Seals sensitive field values (salary, personal phone, fields marked sensitive) at rest. */
  readonly seal: PersonalDataSeal;
  readonly fetch: typeof globalThis.fetch;
  /** The job-queue port on a handle: jobs queued in a transaction commit with it. */
  readonly jobsOn: JobsOn;
  /** Wakes the workers (this process's at once, on PostgreSQL every process's) after a commit that queued jobs. */
  readonly wakeWorkers: () => void;
  /** Whether SMTP is configured, so emails go out. */
  readonly emailEnabled: boolean;
  /** Admin actions: stores bound to one transaction with the audit log. */
  readonly admin: AuditedDeps;
  /**
   * The outbound address policy for every URL an admin types (ALLOW_PRIVATE_OUTBOUND): `checkUrl` when
   * the URL is saved (throws `validation_failed` naming `field`), `guardedFetch` for the calls, pinned
   * to the addresses checked.
   */
  readonly outbound: {
    readonly checkUrl: (url: string, field: string) => Promise<void>;
    readonly guardedFetch: typeof globalThis.fetch;
    /** Ashby's API calls: guarded and pinned too, unless a test supplied its own fetch. */
    readonly ashbyFetch: typeof globalThis.fetch;
  };
  /** Counts outbound API calls for /metrics. */
  readonly outboundCalls: OutboundCallObserver;
}
