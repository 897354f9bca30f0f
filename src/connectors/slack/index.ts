import { z } from 'zod';
import type { SlackPoster } from '../../core/ports/notification-channels.js';
import type { ConnectorDefinition } from '../definition.js';
import { slackIncomingWebhook } from './incoming-webhook.js';

/**
 * Slack incoming webhooks, a notifier. The webhook URL belongs to each connection's notification
 * settings (sealed there), so the instance itself needs no credentials: it posts to the URL it is given.
 */
const credentials = z.object({});

export const slack = {
  type: 'slack',
  kind: 'notifier',
  label: 'Slack',
  credentials,
  defaultBaseUrl: undefined,
  capabilities: ['chat'],
  create: (context, _credentials) => slackIncomingWebhook(context.http),
} satisfies ConnectorDefinition<'slack', 'notifier', z.infer<typeof credentials>, SlackPoster>;
