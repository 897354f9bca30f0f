import type { ApiTokenTable } from './api-token.table.js';
import type { AshbyConnectionTable } from './ashby-connection.table.js';
import type { AshbySyncStateTable } from './ashby-sync-state.table.js';
import type { BackfillRunTable } from './backfill-run.table.js';
import type { UserNotificationPreferencesTable } from './notification-preferences.table.js';
import type { ConnectionMappingTable } from './connection-mapping.table.js';
import type { DestinationTable, PushTable } from './destination.table.js';
import type { CandidateLinkTable, ErasureRequestTable } from './erasure.table.js';
import type { MemberHistoryTable, MemberTable, MemberUpdateTable, OrgUnitTable } from './directory.table.js';
import type {
  ConnectionDocumentSettingsTable,
  DocumentCategoryTable,
  DocumentTable,
} from './document.table.js';
import type { AuditLogTable, NewHireHistoryTable, TombstoneTable } from './inbox.table.js';
import type { JobTable } from './job.table.js';
import type { NewHireTable } from './new-hire.table.js';
import type { RateLimitTable } from './rate-limit.table.js';
import type {
  OpeningSyncRunTable,
  OpeningSyncSettingsTable,
  PositionOpeningTable,
  PositionTable,
} from './position.table.js';
import type {
  ConnectionNotificationSettingsTable,
  NotificationSendTable,
  NotificationTable,
  UserTable,
} from './notification.table.js';
import type {
  LoginThrottleTable,
  SessionTable,
  SignInKnownAddressTable,
  UserInviteTable,
} from './sign-in.table.js';
import type { WebhookDeliveryTable } from './webhook-delivery.table.js';

/** Every table HireBridge owns. One set serves SQLite and PostgreSQL. */
export interface Database {
  jobs: JobTable;
  api_tokens: ApiTokenTable;
  ashby_connections: AshbyConnectionTable;
  webhook_deliveries: WebhookDeliveryTable;
  new_hires: NewHireTable;
  new_hire_history: NewHireHistoryTable;
  new_hire_tombstones: TombstoneTable;
  departments: OrgUnitTable;
  locations: OrgUnitTable;
  members: MemberTable;
  erasure_requests: ErasureRequestTable;
  ashby_candidate_links: CandidateLinkTable;
  member_updates: MemberUpdateTable;
  member_history: MemberHistoryTable;
  audit_log: AuditLogTable;
  ashby_sync_state: AshbySyncStateTable;
  backfill_runs: BackfillRunTable;
  user_notification_preferences: UserNotificationPreferencesTable;
  connection_mappings: ConnectionMappingTable;
  document_categories: DocumentCategoryTable;
  connection_document_settings: ConnectionDocumentSettingsTable;
  documents: DocumentTable;
  users: UserTable;
  connection_notification_settings: ConnectionNotificationSettingsTable;
  notifications: NotificationTable;
  notification_sends: NotificationSendTable;
  sessions: SessionTable;
  user_invites: UserInviteTable;
  login_throttle: LoginThrottleTable;
  positions: PositionTable;
  opening_sync_settings: OpeningSyncSettingsTable;
  position_openings: PositionOpeningTable;
  opening_sync_runs: OpeningSyncRunTable;
  rate_limits: RateLimitTable;
  destinations: DestinationTable;
  pushes: PushTable;
  sign_in_known_addresses: SignInKnownAddressTable;
}
