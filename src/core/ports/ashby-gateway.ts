import type { CustomFieldDefinition, SourceBundle } from '../mapping/source-bundle.js';

export type FetchedHire =
  | { readonly kind: 'hired'; readonly bundle: SourceBundle; readonly definitions: readonly CustomFieldDefinition[] }
  /** The application exists but is not Hired (Active, Archived, Lead): nothing to import. */
  | { readonly kind: 'not_hired'; readonly applicationStatus: string };

export interface PermissionCheck {
  /** Ashby's permission name, e.g. candidatesRead. */
  readonly name: string;
  readonly granted: boolean;
  /** What HireBridge needs it for, in words an admin understands. */
  readonly purpose: string;
}

export interface PermissionReport {
  readonly required: readonly PermissionCheck[];
  readonly optional: readonly PermissionCheck[];
}

export interface HiredApplicationsPage {
  readonly applicationIds: readonly string[];
  readonly nextCursor: string | null;
}

/** What HireBridge asks of one Ashby account (implemented by the Ashby connector, bound to a key). */
export interface AshbyGateway {
  /** Reads everything a new hire needs, or reports that the application is not hired. */
  fetchHire(applicationId: string): Promise<FetchedHire>;
  /** One page of hired applications, oldest first, optionally created after a time (epoch ms). */
  listHiredApplications(page: { cursor: string | null; createdAfter: number | null }): Promise<HiredApplicationsPage>;
  /** Which permissions the key has, found by one cheap call per permission. */
  checkPermissions(): Promise<PermissionReport>;
  /** Creates a webhook in Ashby (needs apiKeysWrite); Ashby pings the URL at once. */
  createWebhook(input: { webhookType: string; requestUrl: string; secretToken: string }): Promise<{ id: string; enabled: boolean }>;
}
