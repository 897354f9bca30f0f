import { AppError, isAppError } from '../core/errors/app-error.js';
import type { SendStatus } from '../core/model/notification.js';
import { mayManageInbox } from '../core/model/user.js';
import { composeMessage, noticeOf } from '../core/notifications/compose-notice.js';
import { SLACK_MEMBER_ID } from '../core/model/notification-preferences.js';
import type { Clock } from '../core/ports/clock.js';
import type { NotificationPreferenceStore } from '../core/ports/notification-preference-store.js';
import { resolveRecipients } from './queue-new-hire-notifications.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Mailer, SlackPoster } from '../core/ports/notification-channels.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import type { UserStore } from '../core/ports/user-store.js';

export interface SendDeps {
  readonly notifications: NotificationStore;
  readonly inbox: InboxStore;
  readonly users: UserStore;
  /** Undefined when SMTP is not configured. */
  readonly mailer: Mailer | undefined;
  readonly slack: SlackPoster;
  readonly publicUrl: string;
  readonly clock: Clock;
  /** Recipients' own preferences: the Slack message mentions those who gave their Slack member id. */
  readonly preferences: Pick<NotificationPreferenceStore, 'preferencesOf'>;
}

/**
 * The job of one queued send: the email to one recipient, or the Slack message of one connection. The
 * text is built now from the new hire (name, job, start date, link), so a new hire deleted meanwhile is
 * not announced (the send is cancelled). A send already sent is not sent again, even when its job runs
 * twice. Every failure is recorded on the send and thrown for the queue: retryable ones are retried,
 * permanent ones (a refused address, bad credentials) go dead at once, where an admin can retry them.
 */
export async function sendNotification(
  deps: SendDeps,
  input: { sendId: string; finalAttempt: boolean },
): Promise<SendStatus | 'skipped'> {
  const send = await deps.notifications.findSend(input.sendId);
  if (!send || send.status === 'sent' || send.status === 'cancelled') return 'skipped';
  const update = (status: SendStatus, lastError: string | null, attempted: boolean) =>
    deps.notifications.updateSend(send.id, {
      status,
      attempts: send.attempts + (attempted ? 1 : 0),
      lastError,
      sentAt: status === 'sent' ? deps.clock.now() : null,
      at: deps.clock.now(),
    });
  const newHire = await deps.inbox.read((data) => data.findNewHire(send.newHireId));
  if (!newHire || newHire.status === 'deleted') {
    await update('cancelled', null, false);
    return 'cancelled';
  }
  const message = composeMessage(noticeOf(newHire, deps.publicUrl));
  try {
    if (send.channel === 'email') {
      const user = send.userId === null ? undefined : await deps.users.find(send.userId);
      // Someone who lost the inbox permission since the hire arrived is not told about it.
      if (!user || !mayManageInbox(user.role)) {
        await update('cancelled', null, false);
        return 'cancelled';
      }
      if (!deps.mailer) throw new AppError('upstream_permanent', 'email is not configured (set SMTP_URL)');
      await deps.mailer.send({ to: user.email, subject: message.subject, text: message.text });
    } else {
      const url = await deps.notifications.slackWebhookUrl(send.connectionId);
      if (!url) {
        await update('cancelled', null, false);
        return 'cancelled';
      }
      await deps.slack.post(url, {
        text: `*${message.subject}*\n${message.text}`,
        mentions: await slackMentions(deps, send.connectionId),
      });
    }
  } catch (err) {
    const permanent = isAppError(err) && !err.retryable;
    // Our messages hold codes, never addresses; anything else is named by its class only.
    const text = isAppError(err)
      ? err.message
      : `unexpected failure (${err instanceof Error ? err.name : 'unknown'})`;
    await update(permanent || input.finalAttempt ? 'failed' : 'retrying', text, true);
    throw err;
  }
  await update('sent', null, true);
  return 'sent';
}

/** The Slack member ids of the connection's recipients who asked to be mentioned. */
async function slackMentions(deps: SendDeps, connectionId: string): Promise<string[]> {
  const settings = await deps.notifications.settings(connectionId);
  const recipients = await resolveRecipients(
    {
      usersByIds: async (ids) =>
        (await Promise.all(ids.map((id) => deps.users.find(id)))).filter((u) => u !== undefined),
      users: () => deps.users.list(),
    },
    settings,
  );
  const preferences = await deps.preferences.preferencesOf(recipients.map((u) => u.id));
  return recipients
    .map((u) => preferences.get(u.id)?.slackMemberId)
    .filter((id): id is string => typeof id === 'string' && SLACK_MEMBER_ID.test(id));
}
