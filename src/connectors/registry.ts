import { ashbyConnector } from './ashby/index.js';
import { charthop } from './charthop/index.js';
import type { ConnectorDefinition } from './definition.js';
import type { DestinationDefinition } from './destination-types.js';
import { hibob } from './hibob/index.js';
import { humaans } from './humaans/index.js';
import { peopleforce } from './peopleforce/index.js';
import { webhook } from './webhook/index.js';

/**
 * Every connector HireBridge knows, typed: adding a source or destination is one folder and one line
 * here. Nothing looks a connector up by string; callers take the typed entry they need. The destinations
 * admins can configure are in `destinationConnectors`.
 */
export const connectorRegistry = {
  ashby: ashbyConnector,
  hibob,
  humaans,
  peopleforce,
  charthop,
  webhook,
} as const satisfies Record<string, ConnectorDefinition>;

/**
 * The destinations an admin can add (main/destinations-wiring.ts builds their instances). The four HR
 * systems are listed above but not offered yet: their settings are not drawn into the admin app.
 */
export const destinationConnectors: readonly DestinationDefinition[] = [connectorRegistry.webhook];
