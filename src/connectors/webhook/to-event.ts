import type { PushedMember } from '../../core/ports/destination.js';
import type { WebhookEvent, WebhookEventType, WebhookMember } from './schemas.js';

/** The member as the webhook sends it: fields by key, documents as expiring links, the Ashby ids. */
export function toWebhookMember(member: PushedMember): WebhookMember {
  return {
    id: member.memberId,
    fields: { ...member.fields },
    department: member.department,
    location: member.location,
    manager: member.manager && { ...member.manager },
    documents: member.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      category: d.category,
      fileName: d.fileName,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      downloadUrl: d.downloadUrl,
    })),
    ashby: member.ashby && { ...member.ashby },
  };
}

export function toWebhookEvent(
  type: WebhookEventType,
  member: PushedMember,
  fallbackTimeMs: number,
): WebhookEvent {
  return {
    type,
    timestamp: new Date(member.changedAt ?? fallbackTimeMs).toISOString(),
    data: { member: toWebhookMember(member) },
  };
}

/**
 * The `webhook-id` of an event: the receiver's deduplication key, the same on every retry of one change.
 * `member.created` has one id per member whatever the change, so it can never reach a receiver twice as
 * two different messages.
 */
export function webhookMessageId(type: WebhookEventType, member: PushedMember): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, '_');
  if (type === 'member.created') return `msg_${safe(member.memberId)}_created`;
  return `msg_${safe(member.changeKey ?? member.memberId)}_${type === 'member.updated' ? 'updated' : 'deleted'}`;
}
