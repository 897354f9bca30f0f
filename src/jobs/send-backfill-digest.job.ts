import { sendBackfillDigest, type DigestDeps } from '../app/send-backfill-digest.js';
import { registerJob, type RegisteredJob } from '../queue/job-definition.js';
import { jobCatalog } from './catalog.js';

/** Snoozes (without spending an attempt) while the backfill's imports run, then sends the digest. */
export function sendBackfillDigestHandler(deps: DigestDeps): RegisteredJob {
  return registerJob(jobCatalog['notifications.backfill-digest'], async (payload) => {
    const result = await sendBackfillDigest(deps, payload);
    if (result.kind === 'waiting')
      return { kind: 'snooze', untilMs: result.untilMs, reason: 'the backfill imports still run' };
    return undefined;
  });
}
