import type { DestinationPreview, PushedMember } from '../../core/ports/destination.js';
import { lookupAtPush, managerAtPush } from '../kit/preview-notes.js';
import type { NamedItem } from './schemas.js';
import type { HumaansSettings } from './settings.js';
import { planPerson, type HumaansLookups } from './to-person.js';

const ID = '{personId}';

/** A stand-in for a Humaans list read at push time: one item named as wanted, its id a placeholder. */
const standIn = (what: string, name: string): NamedItem => ({ id: `<${what} id of "${name}">`, name });

/**
 * What a Humaans push would send, from the push's own planning (planPerson) without a call: the
 * location, compensation type and document types are Humaans ids, read from Humaans when pushing.
 */
export function previewHumaans(member: PushedMember, settings: HumaansSettings): DestinationPreview {
  const documentTypeNames = Object.values(settings.documentTypes).filter((n): n is string => n !== null);
  const lookups: HumaansLookups = {
    locations: member.location ? [standIn('location', member.location)] : [],
    compensationTypes: [standIn('compensation type', settings.compensationTypeName)],
    documentTypes: documentTypeNames.map((n) => standIn('document type', n)),
  };
  const planned = planPerson(member, settings, lookups);
  const manager = managerAtPush(member, 'Humaans');
  const requests: DestinationPreview['requests'][number][] = [
    { step: 'create the person', method: 'POST', path: '/people', body: planned.person },
  ];
  if (planned.jobRole)
    requests.push({
      step: 'job role from the start date',
      method: 'POST',
      path: '/job-roles',
      body: { personId: ID, ...planned.jobRole, ...(manager ? { reportingTo: '<manager id>' } : {}) },
    });
  if (planned.compensation)
    requests.push({
      step: 'compensation',
      method: 'POST',
      path: '/compensations',
      body: { personId: ID, ...planned.compensation },
    });
  for (const value of planned.customValues)
    requests.push({
      step: `custom field ${value.customFieldId}`,
      method: 'POST',
      path: '/custom-values',
      body: { personId: ID, ...value },
    });
  for (const doc of planned.documents)
    requests.push({
      step: `document ${doc.name}`,
      method: 'POST',
      path: '/documents',
      body: {
        personId: ID,
        name: doc.name,
        ...(doc.documentTypeId === undefined ? {} : { documentTypeId: doc.documentTypeId }),
        link: '<a HireBridge download link, valid 7 days>',
      },
    });
  const atPush = [
    lookupAtPush('Humaans'),
    ...(member.location
      ? [`location: the Humaans location named "${member.location}", read from Humaans when pushing`]
      : []),
    ...(planned.compensation
      ? [
          `compensation type: the one named "${settings.compensationTypeName}", read from Humaans when pushing`,
        ]
      : []),
    ...(manager ? [manager] : []),
  ];
  return { requests, notes: planned.warnings, atPush, missing: planned.missing };
}
