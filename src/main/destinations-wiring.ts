import { actorOf } from '../app/actor.js';
import type { DestinationDeps } from '../app/destination-deps.js';
import {
  getDestinationMapping,
  getDestinationSettings,
  previewDestination,
  saveDestinationMapping,
  saveDestinationSettings,
} from '../app/destination-mapping.js';
import { listMemberPushes, listPushes, retryPush, type PushAdminDeps } from '../app/list-pushes.js';
import {
  addDestination,
  getDestination,
  removeDestination,
  testDestination,
  updateDestination,
} from '../app/manage-destinations.js';
import { notifyCredentialsRefused } from '../app/notify-credentials-refused.js';
import { openDocumentLink } from '../app/open-document-link.js';
import { pushedMember } from '../app/pushed-member.js';
import { destinationTypes } from '../connectors/destination-types.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { sleep } from '../connectors/kit/sleep.js';
import { destinationConnectors } from '../connectors/registry.js';
import type { Destination, Push } from '../core/model/destination.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Mailer } from '../core/ports/notification-channels.js';
import type { UserStore } from '../core/ports/user-store.js';
import { destinationStore } from '../db/stores/destination-store.js';
import { documentStore } from '../db/stores/document-store.js';
import { notificationStore } from '../db/stores/notification-store.js';
import type { DestinationServices } from '../http/destination-services.js';
import { pushMemberHandler } from '../jobs/push-member.job.js';
import { forgetMemberHandler } from '../jobs/forget-member.job.js';
import { eraseMember } from '../app/erase-member.js';
import { listErasureRequests } from '../app/erasure-requests.js';
import type { ErasureServices } from '../http/erasure-services.js';
import { createLinkSigner } from '../security/signed-link.js';
import type { Shared } from './shared.js';

/**
 * Destinations: the registry's definitions behind the one outbound address policy, their admin API,
 * the pushes, and the push job. Every call to an admin-typed URL goes through the guarded fetch.
 */
export function destinationsWiring(
  { config, db, clock, ids, logger, secretBox, admin, outbound }: Shared,
  deps: {
    inbox: InboxStore;
    blobs: BlobStore;
    users: UserStore;
    mailer: Mailer | undefined;
    crashPoint: CrashPoint;
    secretKey: Buffer;
  },
) {
  const { timeoutMs, requestsPerMinute, retryBaseMs } = config.destinations;
  const http = createHttpClient({
    fetch: outbound.guardedFetch,
    clock,
    sleep,
    random: Math.random,
    logger,
    timeoutMs,
    maxResponseBytes: 1024 * 1024,
    // The queue retries (with the push's attempt count and backoff); the client never does.
    retry: { maxRetries: 0, baseDelayMs: 500, maxWaitMs: 0 },
  });
  const destinations = destinationStore(db, secretBox, ids);
  const types = destinationTypes(destinationConnectors, http, outbound.guardedFetch, clock);
  const signer = createLinkSigner(deps.secretKey);
  const documents = documentStore(db);
  const refusal = {
    users: deps.users,
    notifications: notificationStore(db, secretBox),
    mailer: deps.mailer,
    logger,
    clock,
    ids,
    publicUrl: config.publicUrl,
  };
  const credentialsRefused = (d: Destination, message: string) =>
    notifyCredentialsRefused(refusal, d, message);
  const manage: DestinationDeps = {
    ...admin,
    destinations,
    types,
    checkUrl: outbound.checkUrl,
    credentialsRefused,
  };
  const pushAdmin: PushAdminDeps = { ...admin, destinations, inbox: deps.inbox };
  // What both the document links and the pushed member read documents through.
  const files = { documents, blobs: deps.blobs, inbox: deps.inbox, clock };
  const member = {
    ...files,
    destinations,
    documentLink: (link: { documentId: string; memberId: string; expiresAt: number }) =>
      `${config.publicUrl}/document-links?token=${signer.sign(link)}`,
  };
  const preview = { ...manage, pushedMember: (p: Push) => pushedMember(member, p) };
  const services: DestinationServices = {
    types: () => types.list(),
    list: () => destinations.list(),
    get: (id) => getDestination(manage, id),
    add: ({ principal, ...i }) => addDestination(manage, { ...i, actor: actorOf(principal) }),
    update: ({ principal, ...i }) => updateDestination(manage, { ...i, actor: actorOf(principal) }),
    remove: ({ principal, id }) => removeDestination(manage, { id, actor: actorOf(principal) }),
    test: ({ principal, id }) => testDestination(manage, { id, actor: actorOf(principal) }),
    mapping: (id) => getDestinationMapping(manage, id),
    saveMapping: ({ principal, ...i }) => saveDestinationMapping(manage, { ...i, actor: actorOf(principal) }),
    settings: (id) => getDestinationSettings(manage, id),
    saveSettings: ({ principal, ...i }) =>
      saveDestinationSettings(manage, { ...i, actor: actorOf(principal) }),
    preview: (input) => previewDestination(preview, input),
    memberPushes: (memberId) => listMemberPushes(pushAdmin, memberId),
    listPushes: (filter) => listPushes(pushAdmin, filter),
    retryPush: ({ principal, ...i }) => retryPush(pushAdmin, { ...i, actor: actorOf(principal) }),
    openDocumentLink: (token) =>
      openDocumentLink({ ...files, verifyLink: (t, now) => signer.verify(t, now) }, token),
  };
  const push = pushMemberHandler(
    {
      destinations,
      types,
      pushedMember: (p) => pushedMember(member, p),
      credentialsRefused,
      limit: { intervalMs: Math.ceil(60_000 / requestsPerMinute), burst: 10 },
      holdMs: config.jobLeaseMs,
      clock,
      crashPoint: deps.crashPoint,
    },
    retryBaseMs,
  );
  const forget = forgetMemberHandler({ destinations, types, clock });
  // Erasing a member needs the destination types (who can be told member.deleted).
  const inboxDeps = { inbox: deps.inbox, clock, ids, types };
  const erasure: ErasureServices = {
    requests: () => listErasureRequests(inboxDeps),
    eraseMember: ({ principal, ...i }) => eraseMember(inboxDeps, { ...i, actor: actorOf(principal) }),
  };
  return { services, erasure, jobs: [push, forget] };
}
