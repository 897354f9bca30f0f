import type { SlackPoster } from '../../core/ports/notification-channels.js';
import type { HttpClient } from '../kit/http-client.js';
import { SLACK_MEMBER_ID } from '../../core/model/notification-preferences.js';
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
        body: JSON.stringify({ text: withMentions(escapeSlackText(message.text), message.mentions ?? []) }),
        // Slack may deliver a message and still time out; a duplicate post is better than a lost one.
        idempotent: true,
      });
    },
  };
}

/**
 * Member ids a recipient gave as theirs, appended as Slack mentions (`<@U024BE7LH>`). Only ids of
 * Slack's own shape pass, so nothing else can become markup.
 */
function withMentions(text: string, mentions: readonly string[]): string {
  const ids = mentions.filter((id) => SLACK_MEMBER_ID.test(id));
  return ids.length === 0 ? text : `${text}\n${ids.map((id) => `<@${id}>`).join(' ')}`;
}
