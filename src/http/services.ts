import type { NewHireSearch } from '../app/search-new-hires.js';
import type { BulkOutcome } from '../app/bulk-new-hires.js';
import type { ManagerSuggestion } from '../app/suggest-manager.js';
import type { AuditLine, AuditQuery } from '../app/audit-log-page.js';
import type { DeliveryLine, DeliveryQuery } from '../app/delivery-log-page.js';
import type { MemberImportReport } from '../app/import-members.js';
import type { MemberEdit } from '../app/edit-member.js';
import type { BackfillInput, BackfillProgress } from '../app/backfill-ashby.js';
import type { BackfillStatus } from '../app/backfill-progress.js';
import type { ReconcileResult } from '../app/reconcile-ashby.js';
import type { Readiness } from '../app/check-readiness.js';
import type { ConnectAshbyResult } from '../app/connect-ashby.js';
import type { MappingView } from '../app/get-mapping.js';
import type { ReapplyPreview } from '../app/reapply-mapping.js';
import type { NewHireDetail } from '../app/get-new-hire.js';
import type { Overview } from '../app/read-overview.js';
import type { IngestResult } from '../app/ingest-ashby-delivery.js';
import type { AshbyField } from '../app/list-ashby-fields.js';
import type { MappingPreview, PreviewSubject } from '../app/preview-mapping.js';
import type { ReplayResult } from '../app/replay-delivery.js';
import type { SaveOutcome } from '../app/save-imported-hire.js';
import type { AshbyConnection } from '../core/model/ashby-connection.js';
import type { Member, MemberUpdate } from '../core/model/member.js';
import type { MemberHistory } from '../app/member-history.js';
import type { NewHire, NewHireStatus } from '../core/model/new-hire.js';
import type { Principal } from '../core/auth/role.js';
import type { JobStateName, JobView } from '../core/model/job-view.js';
import type { AccountSecurityServices } from './account-security-services.js';
import type { AuthServices } from './auth-services.js';
import type { OpeningServices } from './openings-services.js';
import type { DestinationServices } from './destination-services.js';
import type { ErasureServices } from './erasure-services.js';
import type { DocumentServices, PeopleServices } from './people-services.js';

/**
 * The use cases the HTTP layer may call, already bound to their dependencies by src/main. Routes see
 * nothing else: no database, no queue, no connectors.
 */
/** A page of a log: how many entries, and the previous page's `nextCursor`. */
interface LogPage {
  readonly limit: number;
  readonly cursor?: string;
}

export interface HttpServices {
  /** Resolves an `Authorization` header (an API token). */
  authenticate(authorization: string | undefined): Promise<Principal>;
  /** Sign-in and sessions (the admin web app). */
  readonly auth: AuthServices;
  /** Password change, deactivation, API tokens. */
  readonly accountSecurity: AccountSecurityServices;
  checkReadiness(): Promise<Readiness>;
  listJobs(filter: { state?: JobStateName; kind?: string; limit: number }): Promise<JobView[]>;
  getJob(id: string): Promise<JobView>;
  retryJob(id: string): Promise<JobView>;
  /** Base of URLs shown to users (PUBLIC_URL). */
  readonly publicUrl: string;
  /** The Prometheus text exposition (no personal data). */
  renderMetrics(): Promise<{ contentType: string; body: string }>;
  ingestAshbyDelivery(input: {
    connectionId: string;
    rawBody: Buffer;
    signature: string | undefined;
  }): Promise<IngestResult>;
  /** `connectedByUserId`: the HireBridge user connecting (an admin), the default notification recipient. */
  connectAshby(input: {
    apiKey: string;
    apiUrl?: string;
    name?: string;
    actor: string;
    connectedByUserId?: string;
  }): Promise<ConnectAshbyResult>;
  reconnectAshby(input: { connectionId: string; apiKey: string; actor: string }): Promise<AshbyConnection>;
  listConnections(): Promise<AshbyConnection[]>;
  getConnection(id: string): Promise<AshbyConnection>;
  listNewHires(filter: { status?: NewHireStatus; connectionId?: string; limit: number }): Promise<NewHire[]>;
  /** The New hires list of the API and the app: search, filters, sort, limit/cursor pages. */
  searchNewHires(search: NewHireSearch): Promise<{ items: NewHire[]; nextCursor: string | null }>;
  getNewHire(id: string): Promise<NewHireDetail>;
  editNewHire(input: {
    newHireId: string;
    fields: Readonly<Record<string, unknown>>;
    confirmClear?: readonly string[];
    principal: Principal;
  }): Promise<NewHire>;
  /** `destinations`: which to push the member to; undefined = every enabled one. */
  addMember(input: {
    newHireId: string;
    principal: Principal;
    destinations?: readonly string[];
  }): Promise<{ member: Member; created: boolean }>;
  deleteNewHire(input: { newHireId: string; principal: Principal }): Promise<void>;
  /** Add member for each id, each in its own transaction; an outcome per id. */
  bulkAddMembers(input: {
    ids: readonly string[];
    principal: Principal;
    destinations?: readonly string[];
  }): Promise<BulkOutcome[]>;
  /** Delete new hire for each id, each in its own transaction; an outcome per id. */
  bulkDeleteNewHires(input: { ids: readonly string[]; principal: Principal }): Promise<BulkOutcome[]>;
  listMembers(filter: { query?: string; limit: number }): Promise<Member[]>;
  /** Pending Ashby changes per member id (only members that have some), for list badges. */
  pendingMemberUpdates(memberIds: readonly string[]): Promise<ReadonlyMap<string, MemberUpdate[]>>;
  getMember(id: string): Promise<{ member: Member; updates: MemberUpdate[] }>;
  decideMemberUpdate(input: {
    memberId: string;
    updateId: string;
    decision: 'accept' | 'reject';
    principal: Principal;
  }): Promise<Member>;
  /** The Audit log, filtered, a page at a time, its targets named and linked; and as CSV. */
  readAuditLog(query: AuditQuery & LogPage): Promise<{ items: AuditLine[]; nextCursor: string | null }>;
  exportAuditCsv(query: AuditQuery): Promise<string>;
  /** The Delivery log, filtered, a page at a time, with the new hire of each application; and as CSV. */
  readDeliveryLog(
    query: DeliveryQuery & LogPage,
  ): Promise<{ items: DeliveryLine[]; nextCursor: string | null }>;
  exportDeliveriesCsv(query: DeliveryQuery): Promise<string>;
  /** Queues the import a delivery asked for again (admins, from the delivery log). */
  replayDelivery(input: { deliveryId: string; principal: Principal }): Promise<ReplayResult>;
  /** The connection's Secret Token, decrypted, for an admin to paste into Ashby (audited). */
  revealWebhookSecret(input: { connectionId: string; principal: Principal }): Promise<string>;
  getMapping(connectionId: string): Promise<MappingView>;
  /** `mapping` is untrusted input: checked by the engine, refused with every problem named by rule. */
  saveMapping(input: { connectionId: string; mapping: unknown; actor: string }): Promise<MappingView>;
  /** What the saved mapping would change on the connection's hires in review (nothing saved). */
  previewReapplyMapping(connectionId: string): Promise<ReapplyPreview>;
  /** The saved mapping applied to the connection's hires in review: one quiet reimport each. */
  reapplyMapping(input: {
    connectionId: string;
    actor: string;
  }): Promise<{ inReview: number; queued: number }>;
  listAshbyFields(input: { connectionId: string; fresh: boolean }): Promise<AshbyField[]>;
  previewMapping(input: {
    connectionId: string;
    subject: PreviewSubject;
    mapping?: unknown;
  }): Promise<MappingPreview>;
  reimportNewHire(input: {
    newHireId: string;
    /** Reviewer-edited fields that go back to Ashby's value in this import. */
    revertFields?: readonly string[];
    principal: Principal;
  }): Promise<{ outcome: SaveOutcome; newHire: NewHire }>;
  /** Documents (issue 6): lists, settings, a new hire's or member's files. */
  readonly documents: DocumentServices;
  /** HireBridge users and new-hire notifications (issue 6). */
  readonly people: PeopleServices;
  /** Lists Ashby's hires and queues their imports (by default only those starting today or later). */
  backfillAshby(
    input: BackfillInput & { readonly actor?: string },
  ): Promise<BackfillProgress & { readonly startsOnOrAfter: string | null }>;
  /** The connection's last backfill and how far it got; undefined when it never had one. */
  backfillStatus(connectionId: string): Promise<BackfillStatus | undefined>;
  /** Reconciliation with Ashby now ("Sync now"): missed hires are queued for import. */
  syncAshbyNow(input: { connectionId: string; actor: string }): Promise<ReconcileResult>;
  /** A deleted new hire comes back; its import from Ashby is queued. */
  restoreNewHire(input: { newHireId: string; actor: string }): Promise<unknown>;
  /** Edits a member (fields, manager, archive or offboard); a bad value refuses the whole edit. */
  editMember(input: Omit<MemberEdit, 'actor'> & { principal: Principal }): Promise<Member>;
  memberHistory(memberId: string): Promise<MemberHistory>;
  /** For a member without a manager: who Ashby's "Reporting to" matches now, for a one-click match. */
  suggestManager(memberId: string): Promise<ManagerSuggestion>;
  /** The directory as CSV (formula-like cells neutralised). */
  exportMembersCsv(): Promise<string>;
  /** A members CSV: imported, or with `dryRun` only checked (problems by line). */
  importMembers(input: { csv: string; dryRun: boolean; principal: Principal }): Promise<MemberImportReport>;
  /** The Overview page: review queue, upcoming starts, hires per month, time to add, failures. */
  readOverview(): Promise<Overview>;
  /** Positions and their opening sync to Ashby. */
  readonly openings: OpeningServices;
  /** Destinations, pushes and the document links destinations fetch. */
  readonly destinations: DestinationServices;
  /** Erasing members, and Ashby's deleted candidates waiting for it. */
  readonly erasure: ErasureServices;
}
