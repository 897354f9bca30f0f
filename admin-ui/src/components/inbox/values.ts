import { actorName } from '../actor-name';
/**
 * Reading and showing field values that came from Ashby (or a reviewer). Values are only ever rendered
 * as React text; links are built only from http(s)/mailto addresses.
 */

export const UNNAMED_CANDIDATE = 'Unnamed candidate';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** "First Last" from the two name fields; `fallback` when both are empty. */
export function fullName(first: unknown, last: unknown, fallback = UNNAMED_CANDIDATE): string {
  const parts = [text(first), text(last)].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : fallback;
}

/**
 * The display name of a new hire (its fields carry `{value}` objects), by the server's rule for emails
 * and Slack (src/core/names/display-name.ts; repeated here as the app imports types only): first and
 * last name, else the middle name, else an email; "Unnamed candidate" only when the record has none.
 */
export function newHireName(
  fields: Readonly<Record<string, { readonly value: unknown } | undefined>>,
): string {
  const value = (key: string) => fields[key]?.value;
  const firstLast = fullName(value('firstName'), value('lastName'), '');
  return (
    firstLast ||
    text(value('middleName')) ||
    text(value('personalEmail')) ||
    text(value('workEmail')) ||
    UNNAMED_CANDIDATE
  );
}

export function isPerson(value: unknown): value is { name: string; email: string | null } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

/** Whether a field holds nothing (null, missing, blank text). */
export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A value as one line of text: people as "Name <email>", numbers with digit grouping. */
export function formatValue(value: unknown): string {
  if (isEmptyValue(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (isPerson(value)) return value.email ? `${value.name} <${value.email}>` : value.name;
  return JSON.stringify(value);
}

/** The address if it is safe to link to (http, https or mailto only), else undefined. */
export function safeHref(address: string): string | undefined {
  try {
    const url = new URL(address);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** File sizes as people read them: 980 B, 12 KB, 3.4 MB. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${String(bytes)} B`;
  const units = ['KB', 'MB', 'GB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${size >= 10 ? size.toFixed(0) : size.toFixed(1)} ${units[unit] ?? 'GB'}`;
}

/** Where a value came from, with a reviewer's edit named plainly ("Edited by Dana"). */
export function sourceText(source: { readonly ruleId: string; readonly description: string }): string {
  const prefix = 'Edited by ';
  if (source.ruleId === 'edit' && source.description.startsWith(prefix))
    return prefix + actorName(source.description.slice(prefix.length));
  return source.description;
}
