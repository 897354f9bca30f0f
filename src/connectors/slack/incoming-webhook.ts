import type { SlackPoster } from '../../core/ports/notification-channels.js';
import type { HttpClient } from '../kit/http-client.js';
import { escapeSlackText } from './escape-text.js';

/**
 * Posts to a Slack incoming webhook (https://api.slack.com/messaging/webhooks): JSON `{text}`, answered
 * 200 "ok". Through the kit client, so timeouts, retries on 429/5xx and classification are the usual
 * ones. The webhook URL is itself the credential: errors name "slack webhook", never the URL.
 */
export function slackIncomingWebhook(http: HttpClient): SlackPoster {
  return {
    post: async (webhookUrl, message) => {
      await http.request({
        method: 'POST',
        url: webhookUrl,
        endpoint: 'slack webhook',
        headers: { 'content-type': 'application/json' },
        // Every text is escaped here, the one place HireBridge talks to Slack: names are data, not markup.
        body: JSON.stringify({ text: escapeSlackText(message.text) }),
        // Slack may deliver a message and still time out; a duplicate post is better than a lost one.
        idempotent: true,
      });
    },
  };
}
