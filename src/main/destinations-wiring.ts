import { lookup } from 'node:dns/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { actorOf, type RecordAudit } from '../app/actor.js';
import type { DestinationDeps } from '../app/destination-deps.js';
import { listMemberPushes, listPushes, retryPush, type PushAdminDeps } from '../app/list-pushes.js';
import { openDocument } from '../app/list-documents.js';
import {
  addDestination,
  getDestination,
  removeDestination,
  testDestination,
  updateDestination,
} from '../app/manage-destinations.js';
import type { PushDeps } from '../app/push-member.js';
import type { Config } from '../config/config.js';
import { guardedFetch } from '../connectors/kit/guarded-fetch.js';
import { createHttpClient } from '../connectors/kit/http-client.js';
import { checkOutboundUrl, type OutboundPolicy } from '../connectors/kit/outbound-policy.js';
import type { ResolvedAddress } from '../connectors/kit/safe-download.js';
import { sleep } from '../connectors/kit/sleep.js';
import { destinationConnectors, type DestinationDefinition } from '../connectors/registry.js';
import { AppError, notFound } from '../core/errors/app-error.js';
import { documentBlobKey } from '../core/model/document.js';
import type { Destination, Push } from '../core/model/destination.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { CrashPoint } from '../core/ports/crash-point.js';
import type { PushDocument, PushedMember } from '../core/ports/destination.js';
import type { DestinationType, DestinationTypes } from '../core/ports/destination-types.js';
import type { DocumentStore } from '../core/ports/document-store.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Logger } from '../core/ports/logger.js';
import type { Mailer } from '../core/ports/notification-channels.js';
import type { UserStore } from '../core/ports/user-store.js';
import type { Database } from '../db/tables/database.js';
import type { DestinationServices } from '../http/destination-services.js';
import { pushMemberHandler } from '../jobs/push-member.job.js';
import type { RegisteredJob } from '../queue/job-definition.js';
import type { SecretBox } from '../security/secret-box.js';
import { createLinkSigner } from '../security/signed-link.js';
import { destinationStore, pushData } from './adapters/destination-store.js';

/** How long a document link handed to a destination works (the receiver fetches it soon after). */
const LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

async function resolveHost(hostname: string): Promise<ResolvedAddress[]> {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

export interface DestinationsWiringInput {
  readonly config: Config;
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly logger: Logger;
  readonly secretBox: SecretBox;
  readonly secretKey: Buffer;
  readonly crashPoint: CrashPoint;
  readonly documents: DocumentStore;
  readonly blobs: BlobStore;
  readonly users: UserStore;
  readonly mailer: Mailer | undefined;
  /** Wakes this process's workers (a push was queued outside a transaction). */
  readonly wake: () => void;
}

/**
 * Destinations (issue: push added members to HR systems): the registry's definitions as use-case ports,
 * the one outbound address policy, the shared limiter, pushes, and their admin services. Kept out of
 * container.ts so the composition root only plugs these parts in.
 */
export function createDestinationsWiring(input: DestinationsWiringInput) {
  const { config, db, clock, ids, logger } = input;
  const policy: OutboundPolicy = { allowPrivate: config.destinations.allowPrivateOutbound, resolveHost };
  const http = createHttpClient({
    fetch: guardedFetch(policy),
    clock,
    sleep,
    random: Math.random,
    logger,
    timeoutMs: config.destinations.timeoutMs,
    maxResponseBytes: 1024 * 1024,
    // The queue retries (with the push's attempt count and backoff); the client never does.
    retry: { maxRetries: 0, baseDelayMs: 500, maxWaitMs: 0 },
  });
  const queue = { clock, ids, wake: input.wake };
  const store = destinationStore(db, input.secretBox, queue);
  const types = destinationTypes(destinationConnectors, http, clock);
  const signer = createLinkSigner(input.secretKey);

  const checkUrl = async (url: string, field: string) => {
    await checkOutboundUrl(policy, url, field);
  };

  async function credentialsRefused(destination: Destination, message: string): Promise<void> {
    logger.warn(
      { destinationId: destination.id, type: destination.type },
      'destination refused its credentials; pushes paused',
    );
    const text = [
      `The destination "${destination.name}" (${destination.type}) refused HireBridge's credentials, so pushes to it are paused.`,
      `It said: ${message}`,
      `Fix the credentials on the Destinations page (${config.publicUrl}/destinations) or test it again; paused pushes then resume.`,
    ].join('\n\n');
    const admins = (await input.users.list()).filter((u) => u.role === 'admin');
    for (const admin of input.mailer ? admins : []) {
      try {
        await input.mailer?.send({
          to: admin.email,
          subject: 'HireBridge: a destination refused its credentials',
          text,
        });
      } catch (err) {
        logger.warn(
          { destinationId: destination.id, err: (err as Error).name },
          'could not email an admin about a paused destination',
        );
      }
    }
  }

  function services(deps: { inbox: InboxStore; audit: RecordAudit }): DestinationServices {
    const admin: DestinationDeps = {
      destinations: store,
      types,
      checkUrl,
      credentialsRefused,
      audit: deps.audit,
      clock,
      ids,
    };
    const pushAdmin: PushAdminDeps = {
      destinations: store,
      memberExists: (memberId) =>
        deps.inbox.read(async (data) => (await data.findMember(memberId)) !== undefined),
      audit: deps.audit,
      clock,
    };
    return {
      types: () => types.list(),
      list: () => store.list(),
      get: (id) => getDestination(admin, id),
      add: ({ principal, ...i }) => addDestination(admin, { ...i, actor: actorOf(principal) }),
      update: ({ principal, ...i }) => updateDestination(admin, { ...i, actor: actorOf(principal) }),
      remove: ({ principal, id }) => removeDestination(admin, { id, actor: actorOf(principal) }),
      test: ({ principal, id }) => testDestination(admin, { id, actor: actorOf(principal) }),
      memberPushes: (memberId) => listMemberPushes(pushAdmin, memberId),
      listPushes: (filter) => listPushes(pushAdmin, filter),
      retryPush: ({ principal, ...i }) => retryPush(pushAdmin, { ...i, actor: actorOf(principal) }),
      openDocumentLink: async (token) => {
        const link = signer.verify(token, clock.now());
        if (!link) throw new AppError('not_found', 'This document link is invalid or has expired');
        return openDocument(
          { documents: input.documents, blobs: input.blobs, inbox: deps.inbox },
          { owner: { memberId: link.memberId }, documentId: link.documentId },
        );
      },
    };
  }

  function pushedMemberFor(inbox: InboxStore) {
    return async (push: Push): Promise<PushedMember | undefined> => {
      const found = await inbox.read(async (data) => {
        const member = await data.findMember(push.memberId);
        const manager = member?.managerId ? await data.findMember(member.managerId) : undefined;
        return member && { member, manager };
      });
      if (!found) return undefined;
      const { member, manager } = found;
      const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
      const managerPush = manager ? await store.findPush(manager.id, push.destinationId) : undefined;
      const now = clock.now();
      const documents: PushDocument[] = (await input.documents.listForMember(member.id))
        .filter((d) => d.status === 'stored')
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          category: d.category.name,
          fileName: d.fileName,
          contentType: d.contentType ?? 'application/octet-stream',
          sizeBytes: d.sizeBytes ?? 0,
          downloadUrl: `${config.publicUrl}/document-links?token=${signer.sign({ documentId: d.id, memberId: member.id, expiresAt: now + LINK_LIFETIME_MS })}`,
          read: () => readAll(input.blobs, documentBlobKey(d.id)),
        }));
      return {
        memberId: member.id,
        fields: member.fields,
        department: member.department?.name ?? null,
        location: member.location?.name ?? null,
        manager: manager
          ? {
              email: text(manager.fields['workEmail']) ?? text(manager.fields['personalEmail']),
              name:
                [manager.fields['firstName'], manager.fields['lastName']]
                  .filter((v) => typeof v === 'string')
                  .join(' ') || null,
              remoteId: managerPush?.remoteId ?? null,
            }
          : null,
        documents,
        ashby: member.ashby && {
          candidateId: member.ashby.candidateId,
          applicationId: member.ashby.applicationId,
        },
        changeKey: `${push.id}-r${push.revision}`.replace(/[^A-Za-z0-9_-]/g, '_'),
        changedAt: push.updatedAt,
        positionRemoteId: null,
      };
    };
  }

  function jobs(deps: { inbox: InboxStore }): RegisteredJob[] {
    const push: PushDeps = {
      destinations: store,
      types,
      pushedMember: pushedMemberFor(deps.inbox),
      credentialsRefused,
      limit: { intervalMs: Math.ceil(60_000 / config.destinations.requestsPerMinute), burst: 10 },
      holdMs: config.jobLeaseMs,
      clock,
      crashPoint: input.crashPoint,
    };
    const baseMs = config.destinations.retryBaseMs;
    return [pushMemberHandler(push, { baseMs, capMs: Math.max(baseMs, 4 * 60 * 60_000) })];
  }

  return {
    extras: (handle: Kysely<Database>) => ({ pushes: pushData(handle, queue) }),
    services,
    jobs,
    store,
    types,
    checkUrl,
  };
}

async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const content = await blobs.open(key);
  if (!content) throw notFound('Stored document file');
  const chunks: Uint8Array[] = [];
  for await (const chunk of content) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The registry's destination definitions as the use cases' port. */
function destinationTypes(
  definitions: readonly DestinationDefinition[],
  http: ReturnType<typeof createHttpClient>,
  clock: Clock,
): DestinationTypes {
  const all = definitions.map((def): DestinationType => {
    const generated = (given: Readonly<Record<string, unknown>>) => def.generateCredentials?.(given) ?? {};
    let generatedKeys: string[] = [];
    try {
      generatedKeys = Object.keys(generated({}));
    } catch {
      generatedKeys = [];
    }
    return {
      type: def.type,
      label: def.label,
      capabilities: def.capabilities,
      defaultBaseUrl: def.defaultBaseUrl,
      credentialsSchema: z.toJSONSchema(def.credentials, { io: 'input', unrepresentable: 'any' }),
      generatedKeys,
      parseCredentials: (value) => {
        const parsed = def.credentials.safeParse(value ?? {});
        if (parsed.success) return { ok: true, credentials: parsed.data as Record<string, unknown> };
        return {
          ok: false,
          problems: parsed.error.issues.map((issue) => ({
            field: issue.path.join('.') || '(credentials)',
            message: issue.message,
          })),
        };
      },
      generateCredentials: generated,
      typedUrls: (baseUrl, credentials) => [
        ...(baseUrl ? [{ field: 'baseUrl', url: baseUrl }] : []),
        ...Object.entries(credentials)
          .filter((e): e is [string, string] => /url$/i.test(e[0]) && typeof e[1] === 'string')
          .map(([key, url]) => ({ field: `credentials.${key}`, url })),
      ],
      client: (destination) =>
        def.create(
          {
            http,
            baseUrl: destination.baseUrl ?? def.defaultBaseUrl ?? '',
            limiterKey: `destination:${destination.id}`,
            clock,
          },
          def.credentials.parse(destination.credentials),
        ),
    };
  });
  const byType = new Map(all.map((t) => [t.type, t]));
  return { list: () => all, get: (type) => byType.get(type) };
}
