import type { z } from 'zod';
import type { Clock } from '../core/ports/clock.js';
import type { DestinationPreview, PushedMember } from '../core/ports/destination.js';
import type { FieldRule } from './kit/field-mapping.js';
import type { HttpClient } from './kit/http-client.js';

/**
 * The one shape every connector exports from its folder's `index.ts` (docs/architecture.md, "A connector
 * folder"). The registry lists these typed values; the admin app draws a connector's settings from
 * `credentials`, and main/ builds an instance with `create`. Nothing here does I/O.
 */
export type ConnectorKind = 'source' | 'destination' | 'notifier' | 'storage';

/** What a source can do for HireBridge. */
export type SourceCapability = 'webhooks' | 'backfill' | 'reconcile' | 'documents' | 'openings';

/** What a destination can receive; the push machinery skips what a destination does not declare. */
export type DestinationCapability =
  'create' | 'update' | 'delete' | 'documents' | 'compensation' | 'manager' | 'customFields';

/** How a notifier reaches people. */
export type NotifierCapability = 'email' | 'chat';

/** What a storage connector keeps. */
export type StorageCapability = 'documents';

/** The capabilities a connector of each kind may declare. */
export interface CapabilityByKind {
  readonly source: SourceCapability;
  readonly destination: DestinationCapability;
  readonly notifier: NotifierCapability;
  readonly storage: StorageCapability;
}

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
  /**
   * Plain fetch, for the few connectors that stream and sign their own requests (S3's SigV4 over a
   * streamed body), where the kit client's buffering and retries do not apply.
   */
  readonly fetch: typeof globalThis.fetch;
}

/**
 * A destination's settings and field mapping, one shape for every destination (the framework behind
 * GET|PUT mapping, preview and the settings form): the settings schema (every key defaulted, so `{}`
 * works; `mapping` holds the rules), the schema of one rule with the system's targets, the preset, and
 * `preview`, which runs the same pure planning the push runs and calls nothing.
 */
export interface DestinationSettingsSpec<Settings = unknown> {
  readonly schema: z.ZodType<Settings>;
  readonly rule: z.ZodType<FieldRule>;
  readonly preset: readonly FieldRule[];
  /** The targets an admin may write, in words ("a HiBob field path such as work.title"). */
  readonly targets: string;
  /** The request bodies a push would send for this member with these settings; no I/O. */
  preview(member: PushedMember, settings: Settings): DestinationPreview;
}

export interface ConnectorDefinition<
  Type extends string = string,
  Kind extends ConnectorKind = ConnectorKind,
  Credentials = unknown,
  Instance = unknown,
  Settings = unknown,
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
  readonly capabilities: readonly CapabilityByKind[Kind][];
  /**
   * Credentials HireBridge makes instead of the admin (the webhook's signing secret): called once when a
   * destination is added, for the keys the admin left out; stored sealed with the rest and shown once.
   */
  generateCredentials?(given: Credentials): Readonly<Record<string, string>>;
  /** Destinations with settings and a field mapping; the parsed settings reach `create`. */
  readonly settings?: DestinationSettingsSpec<Settings>;
  /**
   * Builds a client bound to one account. Pure wiring: no call is made until a method is used.
   * `settings` is the destination's saved settings already parsed by `settings.schema` (defaults filled);
   * left out (tests, tools), the connector uses its defaults.
   */
  create(context: ConnectorContext, credentials: Credentials, settings?: Settings): Instance;
}
