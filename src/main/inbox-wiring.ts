import type { Kysely } from 'kysely';
import { actorOf, type Actor } from '../app/actor.js';
import { addMember } from '../app/add-member.js';
import { decideMemberUpdate } from '../app/decide-member-update.js';
import { deleteNewHire, restoreNewHire } from '../app/delete-new-hire.js';
import { editNewHire } from '../app/edit-new-hire.js';
import { getNewHire } from '../app/get-new-hire.js';
import type { ImportDeps } from '../app/import-application.js';
import { importMembers } from '../app/import-members.js';
import type { InboxDeps } from '../app/inbox-deps.js';
import { getMember, listAudit, listMembers, pendingMemberUpdates } from '../app/list-members.js';
import { listNewHires } from '../app/list-new-hires.js';
import { reimportNewHire } from '../app/reimport-new-hire.js';
import type { AdminData, AdminUnits } from '../core/ports/admin-units.js';
import type { ImportQueue } from '../core/ports/import-queue.js';
import type { SecretBox } from '../core/ports/secret-box.js';
import { apiTokenStore } from '../db/stores/api-token-store.js';
import { ashbyConnectionStore } from '../db/stores/ashby-connection-store.js';
import { documentStore } from '../db/stores/document-store.js';
import { userStore } from '../db/stores/user-store.js';
import type { HttpServices } from '../http/services.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxData, InboxStore } from '../core/ports/inbox-store.js';
import type { JobQueue } from '../core/ports/job-queue.js';
import { auditLog } from '../db/stores/audit-store.js';
import { directoryData } from '../db/stores/directory-store.js';
import { documentData } from '../db/stores/document-store.js';
import { newHireData } from '../db/stores/new-hire-store.js';
import { notificationData, notificationStore } from '../db/stores/notification-store.js';
import type { Database } from '../db/tables/database.js';
import { transactor, type TransactionHooks } from '../db/transactor.js';
import { jobCatalog } from '../jobs/catalog.js';
import { jobQueueOn } from '../queue/job-queue.js';

export interface UnitOfWorkDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly wakeWorkers: () => void;
  readonly emailEnabled: boolean;
}

/** The job-queue port on one handle: jobs queued in a transaction commit with it. */
export function jobsOn(deps: UnitOfWorkDeps, handle: Kysely<Database>, hooks: TransactionHooks): JobQueue {
  return jobQueueOn(handle, { ...deps, catalog: jobCatalog, afterCommit: hooks.afterCommit });
}

/**
 * The inbox unit of work: new hires, the directory, the audit log, documents, notifications and jobs,
 * all over one transaction.
 */
export function inboxStore(deps: UnitOfWorkDeps): InboxStore {
  return transactor<InboxData>(deps.db, (handle, hooks) => ({
    ...newHireData(handle),
    ...directoryData(handle),
    ...auditLog(handle),
    documents: documentData(handle),
    notifications: notificationData(handle, { emailEnabled: deps.emailEnabled }),
    jobs: jobsOn(deps, handle, hooks),
  }));
}

/** The job queue alone, for use cases that only queue (backfill, replay, scheduling). */
export function jobQueues(deps: UnitOfWorkDeps) {
  return transactor<JobQueue>(deps.db, (handle, hooks) => jobsOn(deps, handle, hooks));
}

/** The stores an admin action writes, bound to one transaction with the audit log and the job queue. */
export function adminUnits(deps: UnitOfWorkDeps & { readonly secretBox: SecretBox }): AdminUnits {
  return transactor<AdminData>(deps.db, (handle, hooks) => ({
    audit: (entry) => auditLog(handle).audit(entry),
    connections: ashbyConnectionStore(handle, deps.secretBox),
    documents: documentStore(handle),
    users: userStore(handle),
    notifications: notificationStore(handle, deps.secretBox),
    tokens: apiTokenStore(handle, deps.clock),
    jobs: jobsOn(deps, handle, hooks),
  }));
}

/** The inbox and the directory: new hires, Add member, delete and restore, members, the audit log. */
export function inboxWiring(
  inbox: InboxStore,
  deps: { inboxDeps: InboxDeps; importDeps: ImportDeps; imports: ImportQueue },
) {
  const { inboxDeps, importDeps } = deps;
  const services = {
    listNewHires: (filter) => listNewHires(inboxDeps, filter),
    getNewHire: (id) => getNewHire(inboxDeps, id),
    editNewHire: ({ principal, ...input }) => editNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    addMember: ({ principal, ...input }) => addMember(inboxDeps, { ...input, actor: actorOf(principal) }),
    deleteNewHire: ({ principal, ...input }) =>
      deleteNewHire(inboxDeps, { ...input, actor: actorOf(principal) }),
    listMembers: (filter) => listMembers(inboxDeps, filter),
    pendingMemberUpdates: (memberIds) => pendingMemberUpdates(inboxDeps, memberIds),
    getMember: (id) => getMember(inboxDeps, id),
    decideMemberUpdate: ({ principal, ...input }) =>
      decideMemberUpdate(inboxDeps, { ...input, actor: actorOf(principal) }),
    listAudit: (filter) => listAudit(inboxDeps, filter),
    reimportNewHire: ({ principal, ...input }) =>
      reimportNewHire(importDeps, { ...input, actor: actorOf(principal) }),
  } satisfies Partial<HttpServices>;
  return {
    services,
    importMembers: (csv: string, actor: Actor = 'cli') => importMembers(inboxDeps, { csv, actor }),
    restoreNewHire: async (newHireId: string, actor: Actor = 'cli') => {
      const target = await restoreNewHire(inboxDeps, { newHireId, actor });
      await deps.imports.enqueueImports(target.connectionId, [target.applicationId]);
      return target;
    },
  };
}
