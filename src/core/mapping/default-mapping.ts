import type { CanonicalFieldKey } from '../model/new-hire-fields.js';
import type { BuiltinSource } from './builtin-sources.js';
import type { MappingSpec } from './mapping-spec.js';

/** PRODUCT.md C4's default table: which Ashby source fills each canonical field. */
const DEFAULT_SOURCES: readonly (readonly [CanonicalFieldKey, BuiltinSource])[] = [
  ['employmentStartDate', 'offer.startDate'],
  ['firstName', 'candidate.name.first'],
  ['middleName', 'candidate.name.middle'],
  ['lastName', 'candidate.name.last'],
  ['personalEmail', 'candidate.personalEmail'],
  ['personalPhone', 'candidate.personalPhone'],
  ['jobTitle', 'job.title'],
  ['department', 'job.department'],
  ['reportingTo', 'application.hiringManager'],
  ['location', 'job.location'],
  ['salaryAmount', 'offer.salary.amount'],
  ['salaryCurrency', 'offer.salary.currency'],
  ['linkedIn', 'candidate.linkedIn'],
  ['twitter', 'candidate.twitter'],
];

/** The id of the default rule filling `target`; stable, so stored mappings and history can refer to it. */
export const defaultRuleId = (target: CanonicalFieldKey): string => `default.${target}`;

/** A fresh copy of the default mapping (every rule enabled, no custom targets). */
export function defaultMapping(): MappingSpec {
  return {
    version: 1,
    rules: DEFAULT_SOURCES.map(([target, source]) => ({
      id: defaultRuleId(target),
      source,
      target,
      enabled: true,
    })),
    customTargets: [],
  };
}
