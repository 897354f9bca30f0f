import type { Kysely } from 'kysely';
import { actorOf, type RecordAudit } from '../app/actor.js';
import { addUser } from '../app/add-user.js';
import {
  addDocumentCategory,
  getDocumentSettings,
  listDocumentCategories,
  saveDocumentSettings,
  type DocumentAdminDeps,
} from '../app/document-settings.js';
import type { DownloadDeps } from '../app/download-document.js';
import { listDocuments, openDocument } from '../app/list-documents.js';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationRead,
} from '../app/list-notifications.js';
import {
  checkConnectingUser,
  getNotificationSettings,
  saveNotificationSettings,
  type NotificationAdminDeps,
} from '../app/notification-settings.js';
import type { SendDeps } from '../app/send-notification.js';
import type { Config } from '../config/config.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { sleep } from '../connectors/kit/sleep.js';
import { s3BlobStore } from '../connectors/s3/s3-blob-store.js';
import { slackIncomingWebhook } from '../connectors/slack/incoming-webhook.js';
import { smtpMailer } from '../connectors/smtp/smtp-mailer.js';
import { MAX_DOCUMENT_BYTES } from '../core/model/document.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Logger } from '../core/ports/logger.js';
import type { Database } from '../db/tables/database.js';
import type { DocumentServices, PeopleServices } from '../http/people-services.js';
import { downloadDocumentHandler, removeDocumentFileHandler } from '../jobs/download-document.job.js';
import { sendNotificationHandler } from '../jobs/send-notification.job.js';
import type { RegisteredJob } from '../queue/job-definition.js';
import type { SecretBox } from '../security/secret-box.js';
import { documentData, documentStore } from './adapters/document-store.js';
import { fileFetcher } from './adapters/file-fetcher.js';
import { filesystemBlobStore } from './adapters/filesystem-blob-store.js';
import type { InboxExtras } from './adapters/inbox-store.js';
import { notificationData, notificationStore } from './adapters/notification-store.js';
import { userStore } from './adapters/user-store.js';
import type { UserAccounts } from './sign-in-wiring.js';

export interface PeopleWiringInput {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly secretBox: SecretBox;
  readonly fetch: typeof globalThis.fetch;
}

/**
 * Documents, HireBridge users and notifications (issue 6), built from configuration: the blob store
 * (filesystem or S3), the SSRF-safe file fetcher, SMTP and Slack. Kept out of container.ts so the
 * composition root only plugs these parts in.
 */
export function createPeopleWiring(input: PeopleWiringInput) {
  const { config, db, clock, ids, logger } = input;
  const store = config.documents.blobStore;
  const blobs: BlobStore =
    store.kind === 's3'
      ? s3BlobStore({
          fetch: input.fetch,
          clock,
          endpoint: store.endpoint,
          bucket: store.bucket,
          region: store.region,
          credentials: {
            accessKeyId: store.accessKeyId,
            secretAccessKey: store.secretAccessKey,
            ...(store.sessionToken ? { sessionToken: store.sessionToken } : {}),
          },
          forcePathStyle: store.forcePathStyle,
          timeoutMs: 30_000,
        })
      : filesystemBlobStore(store.root);
  const documents = documentStore(db);
  const users = userStore(db);
  const notifications = notificationStore(db, input.secretBox);
  const emailEnabled = config.documents.smtp !== undefined;
  const mailer = config.documents.smtp && smtpMailer({ ...config.documents.smtp, timeoutMs: 15_000 });
  const slack = slackIncomingWebhook(
    createHttpClient({
      fetch: input.fetch,
      clock,
      sleep,
      random: Math.random,
      logger,
      timeoutMs: 10_000,
      maxResponseBytes: 64 * 1024,
      retry: { maxRetries: 2, baseDelayMs: 500, maxWaitMs: 5_000 },
    }),
  );
  const queue = { clock, ids };
  const extras = (handle: Kysely<Database>): Omit<ReturnType<InboxExtras>, 'pushes'> => ({
    documents: documentData(handle, queue),
    notifications: notificationData(handle, queue, { emailEnabled }),
  });

  function services(deps: {
    inbox: InboxStore;
    connections: AshbyConnectionStore;
    audit: RecordAudit;
    accounts: UserAccounts;
  }): { documents: DocumentServices; people: PeopleServices } {
    const admin: DocumentAdminDeps = { documents, connections: deps.connections, clock, ids };
    const read = { documents, blobs, inbox: deps.inbox };
    const notify: NotificationAdminDeps = {
      notifications,
      users,
      connections: deps.connections,
      clock,
      emailEnabled,
    };
    return {
      documents: {
        list: (owner) => listDocuments(read, owner),
        open: (i) => openDocument(read, i),
        categories: (kind) => listDocumentCategories(admin, kind),
        addCategory: async ({ principal, ...i }) => {
          const created = await addDocumentCategory(admin, { ...i, actor: actorOf(principal) });
          await deps.audit(actorOf(principal), `document_${i.kind}.add`, `document_${i.kind}`, created.id);
          return created;
        },
        settings: (connectionId) => getDocumentSettings(admin, connectionId),
        saveSettings: async ({ principal, ...i }) => {
          const saved = await saveDocumentSettings(admin, { ...i, actor: actorOf(principal) });
          await deps.audit(actorOf(principal), 'connection.document_settings', 'connection', i.connectionId);
          return saved;
        },
      },
      people: {
        listUsers: () => users.list(),
        addUser: async ({ principal, ...i }) => {
          const user = await addUser({ users, clock, ids }, { ...i, actor: actorOf(principal) });
          await deps.audit(actorOf(principal), 'user.add', 'user', user.id, { role: user.role });
          const { inviteUrl } = await deps.accounts.inviteUser(user.id, actorOf(principal));
          return { ...user, inviteUrl };
        },
        inviteUser: ({ userId, principal }) => deps.accounts.inviteUser(userId, actorOf(principal)),
        changeUserRole: ({ userId, role, principal }) =>
          deps.accounts.changeUserRole(userId, role, actorOf(principal)),
        notificationSettings: (connectionId) => getNotificationSettings(notify, connectionId),
        saveNotificationSettings: async ({ principal, ...i }) => {
          const saved = await saveNotificationSettings(notify, i);
          await deps.audit(
            actorOf(principal),
            'connection.notification_settings',
            'connection',
            i.connectionId,
            {
              recipients: saved.recipients.map((u) => u.id),
              slack: saved.channels.slack,
            },
          );
          return saved;
        },
        listNotifications: (i) =>
          listNotifications({ notifications, users, inbox: deps.inbox, publicUrl: config.publicUrl }, i),
        markNotificationRead: (i) => markNotificationRead({ notifications, clock }, i),
        unreadNotificationCount: (i) => countUnreadNotifications({ notifications, users }, i),
        listSends: (filter) => notifications.listSends(filter),
      },
    };
  }

  function jobs(deps: {
    inbox: InboxStore;
    connections: AshbyConnectionStore;
    fileUrlFor: DownloadDeps['fileUrlFor'];
  }): RegisteredJob[] {
    const download: DownloadDeps = {
      documents,
      blobs,
      files: fileFetcher({ timeoutMs: config.documents.downloadTimeoutMs, maxBytes: MAX_DOCUMENT_BYTES }),
      fileUrlFor: deps.fileUrlFor,
      connections: deps.connections,
      clock,
    };
    const send: SendDeps = {
      notifications,
      inbox: deps.inbox,
      users,
      mailer,
      slack,
      publicUrl: config.publicUrl,
      clock,
    };
    return [
      downloadDocumentHandler(download),
      removeDocumentFileHandler({ blobs }),
      sendNotificationHandler(send),
    ];
  }

  return {
    extras,
    services,
    jobs,
    users,
    blobs,
    documents,
    mailer,
    /** Before connecting: the connecting user must be an admin. After: they become the default recipient. */
    checkConnectingUser: (userId: string) => checkConnectingUser({ users }, userId),
    recordConnectedBy: (connectionId: string, userId: string) =>
      notifications.recordConnectedBy(connectionId, userId, clock.now()),
  };
}
