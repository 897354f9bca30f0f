import type { PushedMember } from '../../core/ports/destination.js';
import { readSource, setPath, type SourceValue } from '../kit/field-mapping.js';
import type { HibobFieldRule } from './field-mapping.js';
import type { CreateEmployee, NamedListItem, SalaryEntry, WorkEntry } from './schemas.js';
import type { HibobSettings } from './settings.js';

/**
 * Pure mapping from a pushed member to HiBob's wire shapes, driven by the field mapping (data). Nothing
 * here does I/O: list items arrive already loaded, so a preview can run it on a real member without
 * sending anything.
 */
export type LoadedLists = Readonly<Record<string, readonly NamedListItem[]>>;

export interface EmployeePlan {
  readonly create: CreateEmployee;
  /** The hire's work entry at the start date; `reportsTo` is added once the manager is matched. */
  readonly work: WorkEntry;
  readonly salary: SalaryEntry | null;
  /** Shown on the push: values HiBob has no list item for, a salary without a currency... */
  readonly warnings: readonly string[];
  /** Values with no list item in the lists given (the caller reloads the lists once before warning). */
  readonly listMisses: number;
  /** Bob's required fields with no value, in words; a non-empty list means the create cannot be sent. */
  readonly missing: readonly string[];
}

type Value = SourceValue;

const REQUIRED: readonly { readonly path: string; readonly words: string }[] = [
  { path: 'root.firstName', words: 'first name' },
  { path: 'root.surname', words: 'surname' },
  { path: 'root.email', words: 'email' },
  { path: 'work.site', words: 'work site (the member has no location and no default site is set)' },
  { path: 'work.startDate', words: 'start date' },
];

/** Depth-first over nested list items (departments can have sub-departments); archived items never match. */
export function findListItemId(items: readonly NamedListItem[], label: string): string | null {
  const wanted = label.trim().toLocaleLowerCase('en');
  for (const item of items) {
    const text = (item.value ?? item.name ?? '').trim().toLocaleLowerCase('en');
    if (!item.archived && text === wanted) return item.id;
    const nested = item.children ? findListItemId(item.children, label) : null;
    if (nested !== null) return nested;
  }
  return null;
}

/** The values the mapping produces, by HiBob path, with list labels turned into item ids. */
export function resolveMapping(
  member: PushedMember,
  mapping: readonly HibobFieldRule[],
  lists: LoadedLists,
): { values: Map<string, Value>; warnings: string[]; listMisses: number } {
  const values = new Map<string, Value>();
  const warnings: string[] = [];
  let listMisses = 0;
  for (const rule of mapping) {
    let value: Value | null = null;
    for (const key of rule.from) {
      value = readSource(member, key);
      if (value !== null) break;
    }
    if (value === null) continue;
    if (rule.list !== undefined) {
      const id = findListItemId(lists[rule.list] ?? [], String(value));
      if (id === null) {
        // Never invent an item: the field is left out and the push says so.
        listMisses += 1;
        warnings.push(`no HiBob list item for ${rule.target} in list "${rule.list}": "${String(value)}"`);
        continue;
      }
      value = id;
    }
    values.set(rule.target, value);
  }
  return { values, warnings, listMisses };
}

export function planEmployee(
  member: PushedMember,
  settings: Pick<HibobSettings, 'mapping' | 'defaultSite' | 'payPeriod' | 'payFrequency'>,
  lists: LoadedLists,
): EmployeePlan {
  const { values, warnings, listMisses } = resolveMapping(member, settings.mapping, lists);
  if (!values.has('work.site') && settings.defaultSite) values.set('work.site', settings.defaultSite);
  const missing = REQUIRED.filter((r) => !values.has(r.path)).map((r) => r.words);

  const create: Record<string, unknown> = {};
  const customColumns: Record<string, Value> = {};
  for (const [path, value] of values) {
    const parts = path.split('.');
    if (parts[0] === 'salary') continue;
    if (parts[0] === 'work' && parts[1] === 'customColumns' && parts[2] !== undefined) {
      customColumns[parts[2]] = value;
      continue;
    }
    // Root fields sit at the top of the create body (`firstName`, not `root.firstName`).
    setPath(create, parts[0] === 'root' ? parts.slice(1) : parts, value);
  }

  const text = (path: string): string | undefined => {
    const v = values.get(path);
    return v === undefined ? undefined : String(v);
  };
  const startDate = text('work.startDate') ?? '';
  const work: WorkEntry = {
    effectiveDate: startDate,
    ...(text('work.title') === undefined ? {} : { title: text('work.title') }),
    ...(text('work.department') === undefined ? {} : { department: text('work.department') }),
    ...(text('work.site') === undefined ? {} : { site: text('work.site') }),
    ...(Object.keys(customColumns).length > 0 ? { customColumns } : {}),
    reason: 'Hired',
  };

  return {
    create: create as CreateEmployee,
    work,
    salary: planSalary(values, startDate, settings, warnings),
    warnings,
    listMisses,
    missing,
  };
}

function planSalary(
  values: ReadonlyMap<string, Value>,
  startDate: string,
  settings: Pick<HibobSettings, 'payPeriod' | 'payFrequency'>,
  warnings: string[],
): SalaryEntry | null {
  const amount = values.get('salary.base.value');
  if (amount === undefined) return null;
  const currency = values.get('salary.base.currency');
  const numeric = typeof amount === 'number' ? amount : Number(amount);
  if (currency === undefined || !Number.isFinite(numeric) || numeric < 0) {
    warnings.push(
      currency === undefined ? 'salary not sent: it has no currency' : 'salary not sent: not a number',
    );
    return null;
  }
  return {
    base: { value: numeric, currency: String(currency).toUpperCase() },
    payPeriod: settings.payPeriod,
    ...(settings.payFrequency === undefined ? {} : { payFrequency: settings.payFrequency }),
    effectiveDate: startDate,
  };
}
