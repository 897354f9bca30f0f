import { calendarDateOf } from '../model/calendar-date.js';
import { fieldError } from '../model/field-error.js';
import { normalizeName, splitName } from '../names/split-name.js';
import { BUILTIN_SOURCES, type BuiltinSource } from './builtin-sources.js';
import { EMPTY, errorStep, textStep, valueStep, type Step } from './datum.js';
import { isCustomFieldSource, type MappingSource } from './mapping-spec.js';
import { pickPersonalContact, pickSocialLink } from './pick-contact.js';
import { customFieldsOf, readCustomField } from './read-custom-field.js';
import type { CustomFieldDefinition, SourceBundle } from './source-bundle.js';

/** An ISO date(-time) as the calendar date it names, or an error when it names none. */
function dateStep(iso: string | null | undefined): Step {
  if (iso === null || iso === undefined || iso.trim() === '') return EMPTY;
  const ymd = calendarDateOf(iso);
  return ymd === null ? errorStep(fieldError('invalid_date')) : valueStep({ kind: 'date', ymd });
}

function salaryAmount(bundle: SourceBundle): Step {
  const amount = bundle.offer?.latestVersion.salary?.value ?? null;
  if (amount === null) return EMPTY;
  if (typeof amount !== 'number' || !Number.isFinite(amount))
    return errorStep(fieldError('unsupported_value'));
  return valueStep({ kind: 'number', number: amount });
}

/** A salary with an amount but no currency code is an error: the amount alone means nothing. */
function salaryCurrency(bundle: SourceBundle): Step {
  const salary = bundle.offer?.latestVersion.salary ?? null;
  if (salary === null) return EMPTY;
  const code = salary.currencyCode?.trim() ?? '';
  if (code !== '') return valueStep({ kind: 'text', text: code });
  return salary.value === null ? EMPTY : errorStep(fieldError('missing_currency_code'));
}

function hiringManager(bundle: SourceBundle): Step {
  const manager = bundle.hiringManager;
  if (manager === null) return EMPTY;
  const name = [manager.firstName, manager.lastName]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  const email = manager.email?.trim() ?? '';
  if (name === '' && email === '') return EMPTY;
  return valueStep({ kind: 'person', name, email: email === '' ? null : email });
}

function readBuiltin(source: BuiltinSource, bundle: SourceBundle): Step {
  const { candidate, offer } = bundle;
  switch (source) {
    case 'candidate.name.first':
      return textStep(splitName(candidate.name).first);
    case 'candidate.name.middle':
      return textStep(splitName(candidate.name).middle);
    case 'candidate.name.last':
      return textStep(splitName(candidate.name).last);
    case 'candidate.name.full':
      return textStep(normalizeName(candidate.name));
    case 'candidate.personalEmail':
      return textStep(pickPersonalContact(candidate.emailAddresses, candidate.primaryEmailAddress));
    case 'candidate.personalPhone':
      return textStep(pickPersonalContact(candidate.phoneNumbers, candidate.primaryPhoneNumber));
    case 'candidate.linkedIn':
      return textStep(pickSocialLink(candidate.socialLinks, ['LinkedIn']));
    case 'candidate.twitter':
      return textStep(pickSocialLink(candidate.socialLinks, ['Twitter', 'X']));
    case 'candidate.github':
      return textStep(pickSocialLink(candidate.socialLinks, ['GitHub']));
    case 'candidate.website':
      return textStep(pickSocialLink(candidate.socialLinks, ['Website']));
    case 'offer.startDate':
      return dateStep(offer?.latestVersion.startDate);
    case 'offer.decidedAt':
      return dateStep(offer?.decidedAt);
    case 'offer.salary.amount':
      return salaryAmount(bundle);
    case 'offer.salary.currency':
      return salaryCurrency(bundle);
    case 'job.title':
      return textStep(bundle.job.title);
    case 'job.department':
      return textStep(bundle.department?.name);
    case 'job.location':
      return textStep(bundle.location?.name);
    case 'job.employmentType':
      return textStep(bundle.job.employmentType);
    case 'application.hiringManager':
      return hiringManager(bundle);
  }
}

/** What a rule's source holds for this hire. */
export function readSource(
  source: MappingSource,
  bundle: SourceBundle,
  definitions: readonly CustomFieldDefinition[],
): Step {
  if (!isCustomFieldSource(source)) return readBuiltin(source, bundle);
  return readCustomField(bundle, source.customField.object, source.customField.fieldId, definitions);
}

/**
 * Where a value came from, for people: "Ashby offer › start date", "Ashby candidate custom field
 * 'T-shirt size'". Custom-field titles come from the definition, else from the value on the object;
 * they are field names, never values, so this is safe to log.
 */
export function describeSource(
  source: MappingSource,
  bundle: SourceBundle,
  definitions: readonly CustomFieldDefinition[],
): string {
  if (!isCustomFieldSource(source)) return BUILTIN_SOURCES[source].description;
  const { object, fieldId } = source.customField;
  const title =
    definitions.find((d) => d.id === fieldId)?.title ??
    customFieldsOf(bundle, object)?.find((v) => v.id === fieldId)?.title ??
    null;
  return title === null
    ? `Ashby ${object} custom field (id ${fieldId})`
    : `Ashby ${object} custom field '${title}'`;
}
