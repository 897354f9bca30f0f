export type NotificationChannel = 'email' | 'slack';

/** pending: queued; retrying: an attempt failed, the queue tries again; sent; failed: gave up (see lastError); cancelled: the new hire was deleted first. */
export type SendStatus = 'pending' | 'retrying' | 'sent' | 'failed' | 'cancelled';

/**
 * An in-app notification of one user about one new hire. It stores ids only: the name, job and start
 * date are read from the new hire when shown, so deleting the new hire leaves nothing personal here.
 */
export interface AppNotification {
  readonly id: string;
  readonly userId: string;
  readonly newHireId: string;
  readonly connectionId: string;
  readonly createdAt: number;
  readonly readAt: number | null;
}

/**
 * An in-app notice to one admin that a destination refused HireBridge's credentials, so its pushes are
 * paused. It keeps the destination's id and what the system answered; the name is read when shown. At
 * most one is unread per admin and destination: a repeated refusal refreshes it.
 */
export interface DestinationNotice {
  readonly id: string;
  readonly userId: string;
  readonly destinationId: string;
  /** The system's answer, e.g. "credentials refused (HTTP 401)" (no personal data). */
  readonly detail: string;
  readonly createdAt: number;
  readonly readAt: number | null;
}

/** Any in-app notification, by what it is about. */
export type InAppNotification =
  | ({ readonly kind: 'new_hire' } & AppNotification)
  | ({ readonly kind: 'destination_paused' } & DestinationNotice);

/** One email (to one user) or Slack message (per connection) about a new hire, sent by a queued job. */
export interface NotificationSend {
  readonly id: string;
  readonly newHireId: string;
  readonly connectionId: string;
  readonly channel: NotificationChannel;
  /** The recipient of an email; null for Slack. */
  readonly userId: string | null;
  readonly status: SendStatus;
  readonly attempts: number;
  /** Written without personal data (an SMTP reply code, an HTTP status). */
  readonly lastError: string | null;
  readonly sentAt: number | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** Who hears about a connection's new hires, and how. */
export interface NotificationSettings {
  readonly connectionId: string;
  /** The user who connected Ashby (the default recipient), when known. */
  readonly connectedByUserId: string | null;
  /** Chosen recipients, or null for the default. */
  readonly recipientIds: readonly string[] | null;
  readonly slackWebhookConfigured: boolean;
}

/** What a notification says, built from the new hire when it is sent or shown. */
export interface NewHireNotice {
  readonly newHireId: string;
  readonly name: string;
  readonly jobTitle: string | null;
  readonly startDate: string | null;
  /** The inbox entry: PUBLIC_URL/new-hires/<id>. */
  readonly link: string;
}
