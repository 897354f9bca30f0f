import type { DestinationClient } from '../core/ports/destination.js';
import type { ConnectorDefinition } from './definition.js';
import { webhook } from './webhook/index.js';

/**
 * A destination connector's definition, whatever its credentials: each definition checks its own with
 * its zod schema before `create` sees them, so the list can hold them side by side.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DestinationDefinition = ConnectorDefinition<string, 'destination', any, DestinationClient>;

/**
 * The typed list of destination connectors (docs/architecture.md: adding a destination is one folder
 * plus one line here). The admin app draws each one's settings from its credentials schema.
 */
export const destinationConnectors: readonly DestinationDefinition[] = [webhook];
