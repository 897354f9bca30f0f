import { ashbyConnector } from './ashby/index.js';
import { charthop } from './charthop/index.js';
import type { ConnectorDefinition } from './definition.js';
import { hibob } from './hibob/index.js';
import { humaans } from './humaans/index.js';
import { peopleforce } from './peopleforce/index.js';

/**
 * Every connector HireBridge knows, typed: adding a source or destination is one folder and one line
 * here. Nothing looks a connector up by string; callers take the typed entry they need. The destinations
 * are listed for the destination framework, which is not wired into main yet.
 */
export const connectorRegistry = {
  ashby: ashbyConnector,
  hibob,
  humaans,
  peopleforce,
  charthop,
} as const satisfies Record<string, ConnectorDefinition>;
