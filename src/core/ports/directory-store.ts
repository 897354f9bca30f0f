import type { Member, MemberHistoryEntry, MemberUpdate, OrgUnit, OrgUnitKind } from '../model/member.js';

/** The people directory: members, departments and locations, and the updates waiting on members. */
export interface DirectoryData {
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
  setMemberOrgUnits(
    id: string,
    units: { departmentId: string | null; locationId: string | null },
    at: number,
  ): Promise<void>;
  addMemberHistory(entry: MemberHistoryEntry): Promise<void>;
  /** Newest first. */
  memberHistory(memberId: string): Promise<MemberHistoryEntry[]>;
  findOrgUnitByAshbyId(kind: OrgUnitKind, ashbyId: string): Promise<OrgUnit | undefined>;
  findOrgUnitByNameKey(kind: OrgUnitKind, nameKey: string): Promise<OrgUnit | undefined>;
  setOrgUnitAshbyId(kind: OrgUnitKind, id: string, ashbyId: string): Promise<void>;
  insertOrgUnit(kind: OrgUnitKind, unit: OrgUnit & { nameKey: string; createdAt: number }): Promise<void>;
  insertMemberUpdate(update: MemberUpdate): Promise<void>;
  findMemberUpdate(id: string): Promise<MemberUpdate | undefined>;
  memberUpdates(memberId: string): Promise<MemberUpdate[]>;
  /** The pending updates of these members, oldest first, in one read. */
  pendingMemberUpdates(memberIds: readonly string[]): Promise<MemberUpdate[]>;
  decideMemberUpdate(id: string, status: 'accepted' | 'rejected', by: string, at: number): Promise<void>;
}
