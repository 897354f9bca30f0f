import { notFound } from '../core/errors/app-error.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { MappingStore } from '../core/ports/mapping-store.js';

/** What the field-mapping use cases (show, save, preview, Ashby fields) share. */
export interface MappingDeps {
  readonly mappings: MappingStore;
  readonly connections: Pick<AshbyConnectionStore, 'find'>;
  /** The gateway of a connection, or undefined when the connection does not exist. */
  readonly gatewayFor: (connectionId: string) => Promise<AshbyGateway | undefined>;
  readonly inbox: InboxStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export async function gatewayOf(
  deps: Pick<MappingDeps, 'gatewayFor'>,
  connectionId: string,
): Promise<AshbyGateway> {
  const gateway = await deps.gatewayFor(connectionId);
  if (!gateway) throw notFound('Ashby connection');
  return gateway;
}
