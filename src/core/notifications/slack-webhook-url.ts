import { AppError } from '../errors/app-error.js';

/**
 * Checks a Slack incoming-webhook URL before it is stored: https, or plain http on loopback only (a local
 * test sink). The host is not pinned to hooks.slack.com, so Slack-compatible receivers (Mattermost,
 * GovSlack) work too; only admins may set it.
 */
export function checkSlackWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw invalid('is not a URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw invalid('must be an https URL');
  if (url.username || url.password) throw invalid('must not carry credentials');
  return url.toString();
}

function invalid(why: string): AppError {
  return new AppError('invalid_fields', `slackWebhookUrl ${why}`, {
    details: { problems: [{ field: 'slackWebhookUrl', message: why }] },
  });
}
