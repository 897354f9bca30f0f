/**
 * Slack's three control characters in message text, escaped as Slack documents
 * (https://api.slack.com/reference/surfaces/formatting#escaping): a candidate named `<!channel>` or
 * `<https://evil.example|Review>` must show as typed, not ping the channel or hide a link.
 */
export const escapeSlackText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
