import { z } from 'zod';
import type { ConnectorDefinition } from '../definition.js';
import type { DestinationClient } from '../../core/ports/destination.js';
import { webhookClient, type WebhookCredentials } from './client.js';
import { isSigningSecret, newSigningSecret } from './sign.js';

const credentials = z.object({
  url: z
    .string({ error: 'is required' })
    .trim()
    .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), {
      message: 'must be an absolute http(s) URL such as https://hooks.example.com/hirebridge',
    }),
  signingSecret: z
    .string()
    .refine(isSigningSecret, { message: 'must be whsec_ followed by base64 of 24 to 64 bytes' })
    .optional(),
});

/**
 * The signed outgoing webhook (Standard Webhooks v1): `member.created`, `member.updated` and
 * `member.deleted` posted to the admin's URL. HireBridge generates the `whsec_` signing secret and
 * shows it once, when the destination is added.
 */
export const webhook = {
  type: 'webhook',
  kind: 'destination',
  label: 'Signed webhook',
  credentials,
  defaultBaseUrl: undefined,
  capabilities: ['create', 'update', 'delete', 'documents', 'manager', 'compensation', 'customFields'],
  generateCredentials: (given) => (given.signingSecret ? {} : { signingSecret: newSigningSecret() }),
  create: (context, given): DestinationClient => {
    if (!given.signingSecret) throw new Error('the webhook destination has no signing secret');
    const stored: WebhookCredentials = { url: given.url, signingSecret: given.signingSecret };
    return webhookClient(context.http, context.clock, stored, context.limiterKey);
  },
} satisfies ConnectorDefinition<'webhook', 'destination', z.infer<typeof credentials>, DestinationClient>;
