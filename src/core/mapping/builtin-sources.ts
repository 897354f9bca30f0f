import type { DatumKind } from './datum.js';

/**
 * The fixed Ashby sources a rule can read (the C4 defaults plus a few useful extras). Each names the
 * kind of value it yields, so validation can check transforms and targets before anything runs, and a
 * human description the inbox shows as the field's provenance.
 */
export const BUILTIN_SOURCE_IDS = [
  'candidate.name.first',
  'candidate.name.middle',
  'candidate.name.last',
  'candidate.name.full',
  'candidate.personalEmail',
  'candidate.personalPhone',
  'candidate.linkedIn',
  'candidate.twitter',
  'candidate.github',
  'candidate.website',
  'offer.startDate',
  'offer.decidedAt',
  'offer.salary.amount',
  'offer.salary.currency',
  'job.title',
  'job.department',
  'job.location',
  'job.employmentType',
  'application.hiringManager',
] as const;

export type BuiltinSource = (typeof BUILTIN_SOURCE_IDS)[number];

export interface BuiltinSourceInfo {
  readonly description: string;
  readonly kind: DatumKind;
}

export const BUILTIN_SOURCES: Readonly<Record<BuiltinSource, BuiltinSourceInfo>> = {
  'candidate.name.first': { description: 'Ashby candidate › name (first part)', kind: 'text' },
  'candidate.name.middle': { description: 'Ashby candidate › name (middle part)', kind: 'text' },
  'candidate.name.last': { description: 'Ashby candidate › name (last part)', kind: 'text' },
  'candidate.name.full': { description: 'Ashby candidate › name', kind: 'text' },
  'candidate.personalEmail': { description: 'Ashby candidate › personal email', kind: 'text' },
  'candidate.personalPhone': { description: 'Ashby candidate › personal phone', kind: 'text' },
  'candidate.linkedIn': { description: 'Ashby candidate › LinkedIn link', kind: 'text' },
  'candidate.twitter': { description: 'Ashby candidate › Twitter link', kind: 'text' },
  'candidate.github': { description: 'Ashby candidate › GitHub link', kind: 'text' },
  'candidate.website': { description: 'Ashby candidate › website link', kind: 'text' },
  'offer.startDate': { description: 'Ashby offer › start date', kind: 'date' },
  'offer.decidedAt': { description: 'Ashby offer › decision date', kind: 'date' },
  'offer.salary.amount': { description: 'Ashby offer › salary amount', kind: 'number' },
  'offer.salary.currency': { description: 'Ashby offer › salary currency', kind: 'text' },
  'job.title': { description: 'Ashby job › title', kind: 'text' },
  'job.department': { description: 'Ashby job › department', kind: 'text' },
  'job.location': { description: 'Ashby job › location', kind: 'text' },
  'job.employmentType': { description: 'Ashby job › employment type', kind: 'text' },
  'application.hiringManager': { description: 'Ashby application › hiring manager', kind: 'person' },
};
