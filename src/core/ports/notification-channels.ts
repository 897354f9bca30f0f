/** Email over SMTP. Failures are AppErrors classed retryable or permanent, without addresses in them. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** A Slack incoming webhook. Failures are classified AppErrors naming no URL (the URL is the secret). */
export interface SlackPoster {
  /**
   * `text` is data (escaped by the connector); `mentions` are Slack member ids (U…/W…), added after it
   * as Slack mentions: the only markup HireBridge sends.
   */
  post(webhookUrl: string, message: { text: string; mentions?: readonly string[] }): Promise<void>;
}
