import { z } from 'zod';

/**
 * What the webhook destination sends, exactly as receivers get it: a Standard Webhooks payload
 * `{type, timestamp, data}` (hris-apis.md §7). The fake receiver parses with these schemas, so a change
 * here that receivers would not understand fails its tests.
 */
export const WEBHOOK_EVENT_TYPES = ['member.created', 'member.updated', 'member.deleted'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Sent by "Test" in the admin app and before saving: receivers may answer it 2xx and ignore it. */
export const PING_EVENT_TYPE = 'hirebridge.ping';

export const webhookDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  category: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  /** A HireBridge link that works without signing in, for a limited time. */
  downloadUrl: z.string(),
});

export const webhookMemberSchema = z.object({
  id: z.string(),
  /** Field values by HireBridge key (firstName, personalEmail, employmentStartDate...). */
  fields: z.record(z.string(), z.unknown()),
  department: z.string().nullable(),
  location: z.string().nullable(),
  manager: z
    .object({ email: z.string().nullable(), name: z.string().nullable(), remoteId: z.string().nullable() })
    .nullable(),
  documents: z.array(webhookDocumentSchema),
  ashby: z.object({ candidateId: z.string(), applicationId: z.string() }).nullable(),
});
export type WebhookMember = z.infer<typeof webhookMemberSchema>;

export const webhookEventSchema = z.object({
  type: z.enum([...WEBHOOK_EVENT_TYPES, PING_EVENT_TYPE]),
  /** ISO 8601 time of the change (not of the attempt: that is `webhook-timestamp`). */
  timestamp: z.string(),
  data: z.object({ member: webhookMemberSchema.optional() }),
});
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
