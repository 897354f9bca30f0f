import type { ConnectorContext, ConnectorDefinition } from './definition.js';

/** What every connector context shares in one deployment: the kit client, plain fetch and the clock. */
export type ContextBase = Pick<ConnectorContext, 'http' | 'fetch' | 'clock'>;

/**
 * The context for one instance of a connector. The base URL rule lives here once: the admin's URL when
 * given, else the definition's default; connectors whose address travels in their credentials (or that
 * have none) get an empty string they never read. The limiter bucket defaults to the connector's type.
 */
export function connectorContext(
  definition: Pick<ConnectorDefinition, 'type' | 'defaultBaseUrl'>,
  base: ContextBase,
  options: { readonly baseUrl?: string | undefined; readonly limiterKey?: string } = {},
): ConnectorContext {
  return {
    ...base,
    baseUrl: options.baseUrl ?? definition.defaultBaseUrl ?? '',
    limiterKey: options.limiterKey ?? definition.type,
  };
}
