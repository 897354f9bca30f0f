import { ashbyConnector } from './ashby/index.js';
import type { ConnectorDefinition } from './definition.js';

/**
 * Every connector HireBridge knows, typed: adding a source or destination is one folder and one line
 * here. Nothing looks a connector up by string; callers take the typed entry they need.
 */
export const connectorRegistry = {
  ashby: ashbyConnector,
} as const satisfies Record<string, ConnectorDefinition>;
