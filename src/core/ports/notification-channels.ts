/** Email over SMTP. Failures are AppErrors classed retryable or permanent, without addresses in them. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A Slack incoming webhook. Failures are classified AppErrors naming no URL (the URL is the secret). */
export interface SlackPoster {
  post(webhookUrl: string, message: { text: string }): Promise<void>;
}
