import type { Clock } from '../core/ports/clock.js';
import type { InboxStore } from '../core/ports/inbox-store.js';
import type { Mailer, SlackPoster } from '../core/ports/notification-channels.js';
import type { NotificationStore } from '../core/ports/notification-store.js';
import type { UserStore } from '../core/ports/user-store.js';
import { resolveRecipients } from './queue-new-hire-notifications.js';

export interface DigestDeps {
  readonly pendingImports: (connectionId: string) => Promise<number>;
  readonly inbox: InboxStore;
  readonly notifications: NotificationStore;
  readonly users: UserStore;
  /** Undefined when SMTP is not configured. */
  readonly mailer: Mailer | undefined;
  readonly slack: SlackPoster;
  readonly publicUrl: string;
  readonly clock: Clock;
}

/** How long the digest waits before looking again while the backfill's imports still run. */
const WAIT_MS = 5_000;

export type DigestResult =
  | { readonly kind: 'waiting'; readonly untilMs: number }
  | { readonly kind: 'sent'; readonly hires: number; readonly emails: number; readonly slack: boolean }
  | { readonly kind: 'nothing_new' };

/**
 * A backfill's one announcement: once its imports are done, one email to each recipient and one Slack
 * message with how many hires wait for review and a link to the list, instead of an alert per hire
 * (six past hires once meant six emails). Each hire still has its in-app notification. Names stay out: the list behind the link shows them to
 * whoever signs in.
 */
export async function sendBackfillDigest(
  deps: DigestDeps,
  input: { connectionId: string; since: number },
): Promise<DigestResult> {
  if ((await deps.pendingImports(input.connectionId)) > 0)
    return { kind: 'waiting', untilMs: deps.clock.now() + WAIT_MS };
  const hires = (
    await deps.inbox.read((data) =>
      data.listNewHires({ status: 'in_review', connectionId: input.connectionId, limit: 5_000 }),
    )
  ).filter((h) => h.createdAt >= input.since);
  if (hires.length === 0) return { kind: 'nothing_new' };
  const settings = await deps.notifications.settings(input.connectionId);
  const recipients = await resolveRecipients(
    {
      usersByIds: async (ids) =>
        (await Promise.all(ids.map((id) => deps.users.find(id)))).filter((u) => u !== undefined),
      users: () => deps.users.list(),
    },
    settings,
  );
  const count = hires.length;
  const subject = `${String(count)} ${count === 1 ? 'hire' : 'hires'} imported from Ashby wait for review`;
  const text = `A backfill from Ashby imported ${String(count)} ${count === 1 ? 'hire' : 'hires'} into the New hires inbox.\nReview them: ${deps.publicUrl}/new-hires`;
  let emails = 0;
  if (deps.mailer) {
    for (const user of recipients) {
      await deps.mailer.send({ to: user.email, subject, text });
      emails += 1;
    }
  }
  let slack = false;
  if (settings.slackWebhookConfigured) {
    const url = await deps.notifications.slackWebhookUrl(input.connectionId);
    if (url) {
      await deps.slack.post(url, { text: `*${subject}*\n${text}` });
      slack = true;
    }
  }
  return { kind: 'sent', hires: count, emails, slack };
}
