import type { Role } from '../core/auth/role.js';
import { notFound } from '../core/errors/app-error.js';
import { checkSlackWebhookUrl } from '../core/notifications/slack-webhook-url.js';
import type { DocumentCategoryKind } from '../core/model/document.js';
import type { TokenCodec } from '../core/ports/api-token-store.js';
import type { DeliveryView } from '../core/model/delivery.js';
import type { Actor } from './actor.js';
import { addUser } from './add-user.js';
import { audited, type AuditedDeps } from './audited.js';
import { createApiToken } from './create-api-token.js';
import {
  addDocumentCategory,
  saveDocumentSettings,
  type DocumentSettingsChange,
} from './document-settings.js';
import { saveNotificationSettings } from './notification-settings.js';
import { importsOn } from './queue-imports.js';
import { replayDelivery } from './replay-delivery.js';

/**
 * Admin actions that are audited: each runs its use case over stores bound to one transaction and
 * writes the audit entry in that same transaction (app/audited.ts).
 */
export const createApiTokenAudited = (
  deps: AuditedDeps & { readonly codec: TokenCodec },
  input: { name: string; role: Role; userId?: string },
  actor: Actor,
) =>
  audited(deps, actor, async (data) => {
    const created = await createApiToken({ ...deps, tokens: data.tokens }, input);
    const details = { role: created.role };
    return [
      created,
      { action: 'token.create', targetType: 'api_token', targetId: created.id, details },
    ] as const;
  });

/** Revokes an API token (false: unknown or already revoked, and then nothing is recorded). */
export const revokeApiTokenAudited = (deps: AuditedDeps, id: string, actor: Actor) =>
  audited(deps, actor, async (data) => {
    const revoked = await data.tokens.revoke(id);
    return [
      revoked,
      revoked ? { action: 'token.revoke', targetType: 'api_token', targetId: id } : null,
    ] as const;
  });

export const addDocumentCategoryAudited = (
  deps: AuditedDeps,
  input: { kind: DocumentCategoryKind; name: string; actor: Actor },
) =>
  audited(deps, input.actor, async (data) => {
    const created = await addDocumentCategory({ ...deps, ...data }, input);
    const kind = `document_${input.kind}`;
    return [created, { action: `${kind}.add`, targetType: kind, targetId: created.id }] as const;
  });

export const saveDocumentSettingsAudited = (
  deps: AuditedDeps,
  input: { connectionId: string; change: DocumentSettingsChange; actor: Actor },
) =>
  audited(deps, input.actor, async (data) => {
    const saved = await saveDocumentSettings({ ...deps, ...data }, input);
    const target = {
      action: 'connection.document_settings',
      targetType: 'connection',
      targetId: input.connectionId,
    };
    return [saved, target] as const;
  });

/**
 * Saves who hears about new hires and the Slack webhook. The webhook URL is checked under the outbound
 * address policy first, outside the transaction (it may resolve the host).
 */
export const saveNotificationSettingsAudited = async (
  deps: AuditedDeps & {
    readonly emailEnabled: boolean;
    readonly checkUrl: (url: string, field: string) => Promise<void>;
  },
  input: { connectionId: string; recipientIds?: readonly string[] | null; slackWebhookUrl?: string | null },
  actor: Actor,
) => {
  if (input.slackWebhookUrl)
    await deps.checkUrl(checkSlackWebhookUrl(input.slackWebhookUrl), 'slackWebhookUrl');
  return audited(deps, actor, async (data) => {
    const saved = await saveNotificationSettings({ ...deps, ...data }, input);
    const details = { recipients: saved.recipients.map((u) => u.id), slack: saved.channels.slack };
    const target = { targetType: 'connection', targetId: input.connectionId, details };
    return [saved, { action: 'connection.notification_settings', ...target }] as const;
  });
};

export const addUserAudited = (
  deps: AuditedDeps,
  input: { email: string; name: string; role: string; actor: Actor },
) =>
  audited(deps, input.actor, async (data) => {
    const user = await addUser({ ...deps, users: data.users }, input);
    return [
      user,
      { action: 'user.add', targetType: 'user', targetId: user.id, details: { role: user.role } },
    ] as const;
  });

/** Replays a delivery: the import it asked for is queued with the audit entry that records the replay. */
export const replayDeliveryAudited = async (
  deps: AuditedDeps & { readonly findDelivery: (id: string) => Promise<DeliveryView | undefined> },
  deliveryId: string,
  actor: Actor,
) => {
  // Read before the transaction: on SQLite a read on another handle inside it would wait for it.
  const found = await deps.findDelivery(deliveryId);
  return audited(deps, actor, async (data) => {
    const result = await replayDelivery(
      { findDelivery: () => Promise.resolve(found), queue: importsOn(data.jobs) },
      deliveryId,
    );
    const details = { applicationId: result.delivery.applicationId };
    return [
      result,
      { action: 'delivery.replay', targetType: 'delivery', targetId: deliveryId, details },
    ] as const;
  });
};

/** Shows a connection's Secret Token to an admin; the viewing is recorded. */
export const revealWebhookSecretAudited = async (
  deps: AuditedDeps & { readonly webhookSecret: (connectionId: string) => Promise<string | undefined> },
  connectionId: string,
  actor: Actor,
) => {
  // Read before the transaction, as above.
  const secret = await deps.webhookSecret(connectionId);
  return audited(deps, actor, async () => {
    if (secret === undefined) throw notFound('Ashby connection');
    const target = { action: 'connection.secret.view', targetType: 'connection', targetId: connectionId };
    return [secret, target] as const;
  });
};
