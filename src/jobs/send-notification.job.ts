import { sendNotification, type SendDeps } from '../app/send-notification.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

export function sendNotificationHandler(deps: SendDeps): RegisteredJob {
  return registerJob(jobCatalog['notifications.send'], async (payload, context) => {
    await sendNotification(deps, {
      ...payload,
      finalAttempt: context.attempt >= jobCatalog['notifications.send'].maxAttempts,
    });
  });
}
