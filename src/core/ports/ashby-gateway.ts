import type { CustomFieldDefinition, SourceBundle } from '../mapping/source-bundle.js';

export type FetchedHire =
  | {
      readonly kind: 'hired';
      readonly bundle: SourceBundle;
      readonly definitions: readonly CustomFieldDefinition[];
    }
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

/** One application as Ashby's application.list reports it, reduced to what reconciliation needs. */
export interface ApplicationChange {
  readonly id: string;
  /** Ashby's status now: Hired, Active, Archived or Lead. */
  readonly status: string;
  /** When Ashby last changed it (epoch ms), or null when the value is missing or unreadable. */
  readonly updatedAt: number | null;
}

export type ApplicationChangesPage =
  | {
      readonly kind: 'page';
      readonly applications: readonly ApplicationChange[];
      readonly nextCursor: string | null;
      /** Present on the last page only: the token for the next incremental sync. */
      readonly syncToken: string | null;
    }
  /** Ashby refused the sync token (expired, or too many changes for an incremental sync): sync in full. */
  | { readonly kind: 'sync_token_expired' };

/** What HireBridge asks of one Ashby account (implemented by the Ashby connector, bound to a key). */
export interface AshbyGateway {
  /** Reads everything a new hire needs, or reports that the application is not hired. */
  fetchHire(applicationId: string): Promise<FetchedHire>;
  /** One page of hired applications, oldest first, optionally created after a time (epoch ms). */
  listHiredApplications(page: {
    cursor: string | null;
    createdAfter: number | null;
  }): Promise<HiredApplicationsPage>;
  /**
   * One page of Ashby's incremental application sync: the applications changed since `syncToken`, or
   * every application when it is null (a full sync). Continue with `nextCursor` until it is null.
   */
  applicationChanges(page: {
    syncToken: string | null;
    cursor: string | null;
  }): Promise<ApplicationChangesPage>;
  /**
   * Ashby's custom-field definitions (customField.list), served from a cache of a few minutes; `fresh`
   * reads Ashby again (a field created there just now).
   */
  customFieldDefinitions(options?: { fresh?: boolean }): Promise<readonly CustomFieldDefinition[]>;
  /** Which permissions the key has, found by one cheap call per permission. */
  checkPermissions(): Promise<PermissionReport>;
  /** Creates a webhook in Ashby (needs apiKeysWrite); Ashby pings the URL at once. */
  createWebhook(input: {
    webhookType: string;
    requestUrl: string;
    secretToken: string;
  }): Promise<{ id: string; enabled: boolean }>;
}
