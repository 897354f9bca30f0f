import { isAppError } from '../../core/errors/app-error.js';
import type { DestinationPreview, PushedMember } from '../../core/ports/destination.js';
import { lookupAtPush, managerAtPush } from '../kit/preview-notes.js';
import type { CharthopSettings } from './settings.js';
import { fileFieldFor, memberDepartment, toHireBody, toJobBody, toPersonBody } from './to-person.js';

/**
 * What a ChartHop push would send, from the push's own body builders (to-person.ts) without a call.
 * Which job the hire fills depends on ChartHop's jobs when pushing (the position's linked job, else an
 * open job with the same title and department, else a new one), so both the new-job body and the rule
 * are shown.
 */
export function previewCharthop(member: PushedMember, settings: CharthopSettings): DestinationPreview {
  const rules = settings.mapping;
  const requests: DestinationPreview['requests'][number][] = [];
  const missing: string[] = [];
  const notes: string[] = [];
  const attempt = (build: () => DestinationPreview['requests'][number]) => {
    try {
      requests.push(build());
    } catch (err) {
      if (!isAppError(err)) throw err;
      missing.push(err.message);
    }
  };
  attempt(() => ({
    step: 'create the person',
    method: 'POST',
    path: '/v2/org/{org}/person',
    body: toPersonBody(member, rules),
  }));
  attempt(() => ({
    step: 'a new open job, only when no open job matches',
    method: 'POST',
    path: '/v2/org/{org}/job',
    body: toJobBody(member, member.manager ? '<manager job id>' : null, rules),
  }));
  attempt(() => ({
    step: 'HIRE change: the person into the job on the start date',
    method: 'POST',
    path: '/v2/org/{org}/change/sync/hire',
    body: toHireBody(member, '{personId}', '{jobId}', rules),
  }));
  const skipped = member.documents.filter((d) => fileFieldFor(d) === null).length;
  if (skipped > 0)
    notes.push(`${skipped} other file(s) not sent: ChartHop takes the offer letter and resume`);
  for (const doc of member.documents) {
    const fieldId = fileFieldFor(doc);
    if (fieldId === null) continue;
    requests.push({
      step: `upload ${doc.fileName}`,
      method: 'POST',
      path: `/v1/org/{org}/file?entityType=PERSON&entityId={personId}&fieldId=${fieldId}`,
      body: { file: doc.fileName, contentType: doc.contentType },
    });
  }
  const department = memberDepartment(member, rules);
  const job = [
    member.positionId === null ? null : `the job linked to HireBridge position ${member.positionId}`,
    `else the first open job titled as the member${department === null ? ' with no department' : ` in "${department}"`}`,
    'else a new open job (the body above) under the manager’s job',
  ].filter((s) => s !== null);
  const manager = managerAtPush(member, 'ChartHop');
  return {
    requests,
    notes,
    atPush: [
      lookupAtPush('ChartHop'),
      `job filled: ${job.join(', ')}; read from ChartHop when pushing`,
      ...(manager ? [manager] : []),
    ],
    missing,
  };
}
