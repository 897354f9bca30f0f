import type { Destination } from '../core/model/destination.js';
import type { DestinationStore } from '../core/ports/destination-store.js';
import type { DestinationTypes } from '../core/ports/destination-types.js';
import type { AuditedDeps } from './audited.js';

/** What the destination use cases share (bound in main/destinations-wiring.ts). */
export interface DestinationDeps extends AuditedDeps {
  /** Reads outside a transaction; writes go through the audited unit (AdminData.destinations). */
  readonly destinations: DestinationStore;
  readonly types: DestinationTypes;
  /** The outbound address policy: throws `validation_failed` naming `field` when `url` may not be called. */
  readonly checkUrl: (url: string, field: string) => Promise<void>;
  /** Tells the admins a destination refused its credentials (pushes to it are paused). */
  readonly credentialsRefused: (destination: Destination, message: string) => Promise<void>;
}
