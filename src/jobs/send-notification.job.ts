import { z } from 'zod';
import { sendNotification, type SendDeps } from '../app/send-notification.js';
import { registerJob, type JobDefinition, type RegisteredJob } from '../queue/job-definition.js';

/** Sends one new-hire email or Slack message. Unique per send; retried over a few hours, then dead. */
export const sendNotificationJob: JobDefinition<{ sendId: string }> = {
  kind: 'notifications.send',
  payload: z.object({ sendId: z.string().min(1) }),
  maxAttempts: 8,
  backoff: { baseMs: 30_000, capMs: 60 * 60_000 },
};

export const sendUniqueKey = (sendId: string) => `notification-send:${sendId}`;

export function sendNotificationHandler(deps: SendDeps): RegisteredJob {
  return registerJob(sendNotificationJob, async (payload, context) => {
    await sendNotification(deps, {
      ...payload,
      finalAttempt: context.attempt >= sendNotificationJob.maxAttempts,
    });
  });
}
