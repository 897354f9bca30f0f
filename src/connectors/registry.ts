import { ashbyConnector } from './ashby/index.js';
import { charthop } from './charthop/index.js';
import type { ConnectorDefinition } from './definition.js';
import type { DestinationDefinition } from './destination-types.js';
import { filesystem } from './filesystem/index.js';
import { hibob } from './hibob/index.js';
import { humaans } from './humaans/index.js';
import { peopleforce } from './peopleforce/index.js';
import { s3 } from './s3/index.js';
import { slack } from './slack/index.js';
import { smtp } from './smtp/index.js';
import { webhook } from './webhook/index.js';

/**
 * Every connector HireBridge knows, typed: sources, destinations, notifiers and document storage.
 * Adding one is one folder and one line here. Nothing looks a connector up by string; callers take the
 * typed entry they need.
 */
export const connectorRegistry = {
  ashby: ashbyConnector,
  // First of the destinations: the admin app offers them in this order, the generic one first.
  webhook,
  hibob,
  humaans,
  peopleforce,
  charthop,
  slack,
  smtp,
  s3,
  filesystem,
} as const satisfies Record<string, ConnectorDefinition>;

/** The destinations an admin can add: every destination in the registry (main/destinations-wiring.ts). */
export const destinationConnectors: readonly DestinationDefinition[] = Object.values(
  connectorRegistry,
).filter((c) => c.kind === 'destination');
