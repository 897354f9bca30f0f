import { z } from 'zod';
import { invalidInput, notFound } from '../api-error.js';
import { createWebhook, createWebhookSchema, updateWebhook, webhookWire } from '../record-actions.js';
import { params, type EndpointTable } from './endpoint.js';

/** Webhook settings by API (§2.6). The secret is returned by create/update but never by info. */

const webhookId = z.looseObject({ webhookId: z.string() });
const webhookUpdate = z.looseObject({
  webhookId: z.string(),
  enabled: z.boolean().optional(),
  requestUrl: z.url().optional(),
  secretToken: z.string().optional(),
});

export const webhookEndpoints: EndpointTable = {
  'webhook.create': {
    permission: 'apiKeysWrite',
    handle: async ({ core, body }) => ({
      results: await createWebhook(core, params(createWebhookSchema, body)),
    }),
  },
  'webhook.info': {
    permission: 'apiKeysRead',
    handle: ({ core, body }) => {
      const webhook = core.state.webhooks.get(params(webhookId, body).webhookId);
      if (webhook === undefined) throw notFound('webhook');
      return { results: webhookWire(webhook, false) };
    },
  },
  'webhook.update': {
    permission: 'apiKeysWrite',
    handle: async ({ core, body }) => {
      const p = params(webhookUpdate, body);
      if (p.enabled === undefined && p.requestUrl === undefined && p.secretToken === undefined) {
        throw invalidInput('one of enabled, requestUrl, secretToken is required');
      }
      const webhook = core.state.webhooks.get(p.webhookId);
      if (webhook === undefined) throw notFound('webhook');
      return { results: await updateWebhook(core, webhook, p) };
    },
  },
  'webhook.delete': {
    permission: 'apiKeysWrite',
    handle: ({ core, body }) => {
      const p = params(webhookId, body);
      // A repeat delete answers webhook_not_found (third-party observation, §1.5).
      if (!core.state.webhooks.delete(p.webhookId)) throw notFound('webhook');
      return { results: { webhookId: p.webhookId } };
    },
  },
};
