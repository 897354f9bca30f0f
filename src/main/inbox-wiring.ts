import { actorOf, type Actor } from '../app/actor.js';
import { addMember } from '../app/add-member.js';
import { bulkAddMembers, bulkDeleteNewHires } from '../app/bulk-new-hires.js';
import { decideMemberUpdate } from '../app/decide-member-update.js';
import { deleteNewHire, restoreNewHire } from '../app/delete-new-hire.js';
import { editNewHire } from '../app/edit-new-hire.js';
import { getNewHire } from '../app/get-new-hire.js';
import type { ImportDeps } from '../app/import-application.js';
import { editMember } from '../app/edit-member.js';
import { exportAuditCsv, readAuditLog } from '../app/audit-log-page.js';
import { exportMembersCsv } from '../app/export-members.js';
import { memberHistory } from '../app/member-history.js';
import { importMembers } from '../app/import-members.js';
import type { InboxDeps } from '../app/inbox-deps.js';
import { getMember, listMembers, pendingMemberUpdates } from '../app/list-members.js';
import { listNewHires } from '../app/list-new-hires.js';
import { reimportNewHire } from '../app/reimport-new-hire.js';
import { searchNewHires } from '../app/search-new-hires.js';
import { suggestManager } from '../app/suggest-manager.js';
import type { ImportQueue } from '../core/ports/import-queue.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { HttpServices } from '../http/services.js';

/** The inbox and the directory: new hires, Add member, delete and restore, members, the audit log. */
export function inboxWiring(
  inbox: InboxStore,
  deps: { inboxDeps: InboxDeps; importDeps: ImportDeps; imports: ImportQueue },
) {
  const { inboxDeps, importDeps } = deps;
  const restoreAndReimport = async (newHireId: string, actor: Actor) => {
    const target = await restoreNewHire(inboxDeps, { newHireId, actor });
    await deps.imports.enqueueImports(target.connectionId, [target.applicationId]);
    return target;
  };
  const services = {
    listNewHires: (filter) => listNewHires(inboxDeps, filter),
    searchNewHires: (search) => searchNewHires({ inbox }, search),
    getNewHire: (id) => getNewHire(inboxDeps, id),
    editNewHire: ({ principal, ...input }) => editNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    addMember: ({ principal, ...input }) => addMember(inboxDeps, { ...input, actor: actorOf(principal) }),
    deleteNewHire: ({ principal, ...input }) =>
      deleteNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    bulkAddMembers: ({ principal, ...input }) =>
      bulkAddMembers(inboxDeps, { ...input, actor: actorOf(principal) }),
    bulkDeleteNewHires: ({ principal, ...input }) =>
      bulkDeleteNewHires(inboxDeps, { ...input, actor: actorOf(principal) }),
    listMembers: (filter) => listMembers(inboxDeps, filter),
    pendingMemberUpdates: (memberIds) => pendingMemberUpdates(inboxDeps, memberIds),
    getMember: (id) => getMember(inboxDeps, id),
    decideMemberUpdate: ({ principal, ...input }) =>
      decideMemberUpdate(inboxDeps, { ...input, actor: actorOf(principal) }),
    readAuditLog: (query) => readAuditLog(inboxDeps, query),
    exportAuditCsv: (query) => exportAuditCsv(inboxDeps, query),
    exportMembersCsv: () => exportMembersCsv(inboxDeps),
    editMember: ({ principal, ...input }) => editMember(inboxDeps, { ...input, actor: actorOf(principal) }),
    memberHistory: (memberId) => memberHistory(inboxDeps, memberId),
    suggestManager: (memberId) => suggestManager(inboxDeps, memberId),
    importMembers: ({ principal, ...input }) =>
      importMembers(inboxDeps, { ...input, actor: actorOf(principal) }),
    reimportNewHire: ({ principal, ...input }) =>
      reimportNewHire(importDeps, { ...input, actor: actorOf(principal) }),
    restoreNewHire: ({ newHireId, actor }) => restoreAndReimport(newHireId, actor),
  } satisfies Partial<HttpServices>;
  return {
    services,
    importMembers: (csv: string, actor: Actor = 'cli') => importMembers(inboxDeps, { csv, actor }),
    restoreNewHire: (newHireId: string, actor: Actor = 'cli') => restoreAndReimport(newHireId, actor),
  };
}
