import type { AuditEntry, Member, MemberUpdate, OrgUnit, OrgUnitKind } from '../model/member.js';
import type { DocumentData } from './document-store.js';
import type { NotificationData } from './notification-store.js';
import type { PositionFill } from './position-store.js';
import type { HistoryEntry, NewHire, Tombstone } from '../model/new-hire.js';

export type NewHireChanges = Partial<
  Pick<
    NewHire,
    | 'candidateId'
    | 'offerId'
    | 'status'
    | 'fields'
    | 'missingRequired'
    | 'editedFields'
    | 'memberId'
    | 'ashbyRefs'
    | 'importedAt'
    | 'updatedAt'
  >
>;

/**
 * Data operations of the inbox and the directory. The same interface is served inside a transaction
 * (InboxStore.transaction) and outside one (InboxStore.read), so use cases state their logic once.
 */
export interface InboxData {
  findNewHire(id: string): Promise<NewHire | undefined>;
  findNewHireByApplication(connectionId: string, applicationId: string): Promise<NewHire | undefined>;
  listNewHires(filter: {
    status?: NewHire['status'];
    connectionId?: string;
    limit: number;
  }): Promise<NewHire[]>;
  /** False when the application already has a new hire (the unique key decides under concurrency). */
  insertNewHire(newHire: NewHire): Promise<boolean>;
  updateNewHire(id: string, changes: NewHireChanges): Promise<void>;
  addHistory(entry: HistoryEntry): Promise<void>;
  history(newHireId: string): Promise<HistoryEntry[]>;
  /** Drops the history of a deleted new hire: its entries carry personal values. */
  clearHistory(newHireId: string): Promise<void>;
  findTombstone(connectionId: string, applicationId: string): Promise<Tombstone | undefined>;
  addTombstone(tombstone: Tombstone): Promise<void>;
  removeTombstone(connectionId: string, applicationId: string): Promise<void>;
  markDeliveriesProcessed(
    connectionId: string,
    applicationId: string,
    outcome: string,
    at: number,
  ): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  listAudit(filter: { limit: number; before?: number }): Promise<AuditEntry[]>;

  findMember(id: string): Promise<Member | undefined>;
  findMemberByNewHire(newHireId: string): Promise<Member | undefined>;
  /** Members sharing the Ashby candidate or any of the emails (case-insensitive). */
  findMembersByIdentity(identity: {
    candidateId: string | null;
    emails: readonly string[];
  }): Promise<Member[]>;
  findMembersByNameKey(nameKey: string): Promise<Member[]>;
  searchMembers(filter: { query?: string; limit: number }): Promise<Member[]>;
  /** False when a member already exists for the same new hire. */
  insertMember(member: Member): Promise<boolean>;
  updateMemberFields(id: string, fields: Member['fields'], at: number): Promise<void>;
  setMemberManager(id: string, managerId: string | null, at: number): Promise<void>;
  /** The department or location matched by Ashby id, then by normalised name; created on first use. */
  orgUnit(
    kind: OrgUnitKind,
    ashbyId: string | null,
    name: string,
    newId: string,
    at: number,
  ): Promise<OrgUnit>;
  insertMemberUpdate(update: MemberUpdate): Promise<void>;
  findMemberUpdate(id: string): Promise<MemberUpdate | undefined>;
  memberUpdates(memberId: string): Promise<MemberUpdate[]>;
  /** The pending updates of these members, oldest first, in one read. */
  pendingMemberUpdates(memberIds: readonly string[]): Promise<MemberUpdate[]>;
  decideMemberUpdate(id: string, status: 'accepted' | 'rejected', by: string, at: number): Promise<void>;

  /** A new hire's documents, in the same transaction (import, Add member, delete). */
  readonly documents: DocumentData;
  /** New-hire notifications, queued in the same transaction as the new hire they announce. */
  readonly notifications: NotificationData;
  /** Positions filled by a hire, in Add member's transaction. */
  readonly positions: PositionFill;
}

export interface InboxStore {
  transaction<T>(work: (data: InboxData) => Promise<T>): Promise<T>;
  read<T>(work: (data: InboxData) => Promise<T>): Promise<T>;
}
