import type { z } from 'zod';
import type { Clock } from '../core/ports/clock.js';
import type { HttpClient } from './kit/http-client.js';

/**
 * The one shape every connector exports from its folder's `index.ts` (docs/architecture.md, "A connector
 * folder"). The registry lists these typed values; the admin app draws a connector's settings from
 * `credentials`, and main/ builds an instance with `create`. Nothing here does I/O.
 */
export type ConnectorKind = 'source' | 'destination';

/** What a source can do for HireBridge. */
export type SourceCapability = 'webhooks' | 'backfill' | 'reconcile' | 'documents' | 'openings';

/** What a destination can receive; the push machinery skips what a destination does not declare. */
export type DestinationCapability =
  'create' | 'update' | 'delete' | 'documents' | 'compensation' | 'manager' | 'customFields';

/** What a connector instance is built from, besides its credentials. */
export interface ConnectorContext {
  /** The kit client (timeouts, Retry-After, classified errors), shared by the deployment. */
  readonly http: HttpClient;
  /** The system's API root: the admin's base URL, else the definition's default. */
  readonly baseUrl: string;
  /** The limiter bucket this instance's calls go through (one per account or tenant). */
  readonly limiterKey: string;
  /** For caches and timestamps: connectors never read the ambient clock. */
  readonly clock: Clock;
}

export interface ConnectorDefinition<
  Type extends string = string,
  Kind extends ConnectorKind = ConnectorKind,
  Credentials = unknown,
  Instance = unknown,
> {
  /** Stable identifier, stored with each configured connection or destination (`ashby`, `webhook`...). */
  readonly type: Type;
  readonly kind: Kind;
  /** The name shown to admins. */
  readonly label: string;
  /** Checked at every boundary where credentials arrive; each missing or invalid key is named. */
  readonly credentials: z.ZodType<Credentials>;
  /** Used when the admin gives no base URL; undefined when the credentials carry the address. */
  readonly defaultBaseUrl: string | undefined;
  readonly capabilities: readonly (Kind extends 'source' ? SourceCapability : DestinationCapability)[];
  /**
   * Credentials HireBridge makes instead of the admin (the webhook's signing secret): called once when a
   * destination is added, for the keys the admin left out; stored sealed with the rest and shown once.
   */
  generateCredentials?(given: Credentials): Readonly<Record<string, string>>;
  /** Builds a client bound to one account. Pure wiring: no call is made until a method is used. */
  create(context: ConnectorContext, credentials: Credentials): Instance;
}
