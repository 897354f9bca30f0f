import { isAppError } from '../../core/errors/app-error.js';
import type { DestinationPreview, PushedMember } from '../../core/ports/destination.js';
import { lookupAtPush, managerAtPush } from '../kit/preview-notes.js';
import { MAX_DOCUMENT_BYTES } from './assumptions.js';
import type { PeopleforceSettings } from './settings.js';
import {
  hasSalaryAmount,
  positionNames,
  SALARY_NOT_SENT,
  toEmployeeBody,
  toPositionBody,
  toSalaryBody,
} from './to-employee.js';

const ID = '{employeeId}';

/**
 * What a PeopleForce push would send, from the push's own body builders (to-employee.ts) without a
 * call: position, department, location and manager are PeopleForce ids, matched by name or email when
 * pushing, so the preview shows which name will be looked up.
 */
export function previewPeopleforce(member: PushedMember, settings: PeopleforceSettings): DestinationPreview {
  const rules = settings.mapping;
  const requests: DestinationPreview['requests'][number][] = [];
  const notes: string[] = [];
  const missing: string[] = [];
  try {
    requests.push({
      step: 'create the employee',
      method: 'POST',
      path: '/employees',
      body: toEmployeeBody(member, rules),
    });
  } catch (err) {
    if (!isAppError(err)) throw err;
    missing.push(err.message);
  }
  const names = positionNames(member, rules);
  const position = toPositionBody(member, {
    positionId: null,
    departmentId: null,
    locationId: null,
    reportingToId: null,
  });
  const idOf = (what: string, name: string | null) => (name === null ? {} : { [what]: `<id of "${name}">` });
  if (position)
    requests.push({
      step: 'position from the start date',
      method: 'POST',
      path: `/employees/${ID}/positions`,
      body: {
        ...position,
        ...idOf('position_id', names.jobTitle),
        ...idOf('department_id', names.department),
        ...idOf('location_id', names.location),
        ...(member.manager ? { reporting_to_id: '<manager id>' } : {}),
      },
    });
  else notes.push('position not sent: no start date');
  const salary = toSalaryBody(member, rules);
  if (salary)
    requests.push({ step: 'salary', method: 'POST', path: `/employees/${ID}/salaries`, body: salary });
  else if (hasSalaryAmount(member, rules)) notes.push(SALARY_NOT_SENT);
  for (const doc of member.documents) {
    if (doc.sizeBytes > MAX_DOCUMENT_BYTES) {
      notes.push(`document not sent: ${doc.fileName} (larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB)`);
      continue;
    }
    requests.push({
      step: `upload ${doc.fileName}`,
      method: 'POST',
      path: `/employees/${ID}/documents`,
      body: { folder: `<the folder named "${doc.category}", else the first folder>`, file: doc.fileName },
    });
  }
  const matched = (
    [
      ['position', names.jobTitle],
      ['department', names.department],
      ['location', names.location],
    ] as const
  )
    .filter(([, name]) => name !== null)
    .map(
      ([what, name]) =>
        `${what}: the PeopleForce ${what} named "${name}", read from PeopleForce when pushing; left out and reported ("${what} not matched") if none`,
    );
  const manager = managerAtPush(member, 'PeopleForce');
  return {
    requests,
    notes,
    atPush: [lookupAtPush('PeopleForce'), ...matched, ...(manager ? [manager] : [])],
    missing,
  };
}
