import type { PushDocument, PushedMember } from '../../core/ports/destination.js';
import { resolveValues, type SourceValue } from '../kit/field-mapping.js';
import type { HumaansFieldRule } from './field-mapping.js';
import type { CreatePerson, NamedItem } from './schemas.js';
import type { HumaansSettings } from './settings.js';

/**
 * Pure mapping from a pushed member to Humaans' wire shapes, driven by the field mapping (data). Reference
 * lists (locations, compensation and document types) arrive loaded; ids that depend on the created person
 * are filled in by destination.ts.
 */
export interface HumaansLookups {
  readonly locations: readonly NamedItem[];
  readonly compensationTypes: readonly NamedItem[];
  readonly documentTypes: readonly NamedItem[];
}

export interface PersonPlan {
  readonly person: CreatePerson;
  /** Without personId and reportingTo (known only after the create and the manager match). */
  readonly jobRole: {
    readonly jobTitle: string;
    readonly department?: string;
    readonly effectiveDate: string;
  } | null;
  readonly compensation: {
    readonly compensationTypeId: string;
    readonly amount: string;
    readonly currency: string;
    readonly period: HumaansSettings['compensationPeriod'];
    readonly effectiveDate: string;
  } | null;
  readonly customValues: readonly { readonly customFieldId: string; readonly value: string }[];
  readonly documents: readonly {
    readonly document: PushDocument;
    readonly name: string;
    readonly link: string;
    readonly documentTypeId?: string;
  }[];
  readonly warnings: readonly string[];
  /** Humaans' required fields with no value, in words. */
  readonly missing: readonly string[];
}

type Value = SourceValue;

const byName = (items: readonly NamedItem[], name: string): NamedItem | undefined => {
  const wanted = name.trim().toLocaleLowerCase('en');
  return items.find((i) => i.name.trim().toLocaleLowerCase('en') === wanted);
};

/** The values the mapping produces, by Humaans target (the shared engine). */
export const resolveMapping = (member: PushedMember, mapping: readonly HumaansFieldRule[]) =>
  resolveValues(member, mapping);

const REQUIRED = [
  { target: 'person.firstName', words: 'first name' },
  { target: 'person.lastName', words: 'last name' },
  { target: 'person.email', words: 'email' },
] as const;

export function planPerson(
  member: PushedMember,
  settings: HumaansSettings,
  lookups: HumaansLookups,
): PersonPlan {
  const values = resolveMapping(member, settings.mapping);
  const warnings: string[] = [];
  const person: Record<string, string> = {};
  const customValues: { customFieldId: string; value: string }[] = [];
  for (const [target, value] of values) {
    const [section, attr = ''] = target.split('.');
    if (section === 'person') person[attr] = String(value);
    if (section === 'customField') customValues.push({ customFieldId: attr, value: String(value) });
  }
  // The member's location is matched to a Humaans location by name; never invented.
  if (member.location) {
    const location = byName(lookups.locations, member.location);
    if (location) person['locationId'] = location.id;
    else warnings.push(`no Humaans location named "${member.location}"`);
  }

  const text = (target: string) => {
    const v = values.get(target);
    return v === undefined ? undefined : String(v);
  };
  const startDate = text('person.employmentStartDate');
  const jobTitle = text('jobRole.jobTitle');
  const department = text('jobRole.department');
  let jobRole: PersonPlan['jobRole'] = null;
  if (jobTitle && startDate) {
    jobRole = { jobTitle, ...(department ? { department } : {}), effectiveDate: startDate };
  } else if (jobTitle) {
    warnings.push('job role not sent: it needs a start date');
  }

  return {
    person: person as CreatePerson,
    jobRole,
    compensation: planCompensation(values, startDate, settings, lookups, warnings),
    customValues,
    documents: planDocuments(member, settings, lookups, warnings),
    warnings,
    missing: REQUIRED.filter((r) => !values.has(r.target)).map((r) => r.words),
  };
}

function planCompensation(
  values: ReadonlyMap<string, Value>,
  startDate: string | undefined,
  settings: HumaansSettings,
  lookups: HumaansLookups,
  warnings: string[],
): PersonPlan['compensation'] {
  const amount = values.get('compensation.amount');
  if (amount === undefined) return null;
  const currency = values.get('compensation.currency');
  const numeric = typeof amount === 'number' ? amount : Number(amount);
  const type = byName(lookups.compensationTypes, settings.compensationTypeName);
  const problem =
    currency === undefined
      ? 'it has no currency'
      : !Number.isFinite(numeric) || numeric < 0
        ? 'not a number'
        : startDate === undefined
          ? 'it needs a start date'
          : type === undefined
            ? `Humaans has no compensation type named "${settings.compensationTypeName}"`
            : null;
  if (problem !== null || type === undefined || startDate === undefined) {
    warnings.push(`salary not sent: ${problem ?? 'incomplete'}`);
    return null;
  }
  return {
    compensationTypeId: type.id,
    // A string on the wire; fixed-point so 85000 is "85000" and 85000.5 is "85000.50".
    amount: Number.isInteger(numeric) ? String(numeric) : numeric.toFixed(2),
    currency: String(currency).toUpperCase(),
    period: settings.compensationPeriod,
    effectiveDate: startDate,
  };
}

function planDocuments(
  member: PushedMember,
  settings: HumaansSettings,
  lookups: HumaansLookups,
  warnings: string[],
): PersonPlan['documents'] {
  if (settings.documents === 'off' || member.documents.length === 0) return [];
  warnings.push(
    'documents sent as links to HireBridge (the Humaans API takes no file upload): they open while the link is valid',
  );
  return member.documents.map((document) => {
    const typeName = settings.documentTypes[document.kind];
    const type = typeName === null ? undefined : byName(lookups.documentTypes, typeName);
    if (typeName !== null && type === undefined) {
      warnings.push(
        `no Humaans document type named "${typeName}": ${document.kind.replace('_', ' ')} filed untyped`,
      );
    }
    return {
      document,
      name: document.fileName,
      link: document.downloadUrl,
      ...(type ? { documentTypeId: type.id } : {}),
    };
  });
}
