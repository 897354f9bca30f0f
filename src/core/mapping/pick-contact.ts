import type { ContactEntry, SocialLink } from './source-bundle.js';

/**
 * The personal email address or phone number of a candidate. Order of preference: an entry typed
 * Personal (the primary one first), then the primary entry if it is not Work, then any other non-Work
 * entry. A Work entry is never returned, nor a value that is also listed as Work: a new hire's work
 * address belongs to the employer, and sending HR mail there before day one is exactly the mistake this
 * field exists to avoid.
 */
export function pickPersonalContact(
  entries: readonly ContactEntry[],
  primary: ContactEntry | null,
): string | null {
  const all = primary === null ? entries : [{ ...primary, isPrimary: true }, ...entries];
  const key = (value: string): string => value.trim().toLowerCase();
  const work = new Set(all.filter((e) => e.type === 'Work').map((e) => key(e.value)));
  const usable = all.filter((e) => e.type !== 'Work' && e.value.trim() !== '' && !work.has(key(e.value)));
  const rank = (e: ContactEntry): number =>
    e.type === 'Personal' ? (e.isPrimary ? 0 : 1) : e.isPrimary ? 2 : 3;
  let best: ContactEntry | null = null;
  for (const entry of usable) if (best === null || rank(entry) < rank(best)) best = entry;
  return best === null ? null : best.value.trim();
}

/** The first non-empty link of one of the given types (compared ignoring case). */
export function pickSocialLink(links: readonly SocialLink[], types: readonly string[]): string | null {
  const wanted = new Set(types.map((t) => t.toLowerCase()));
  const found = links.find((l) => wanted.has(l.type.toLowerCase()) && l.url.trim() !== '');
  return found === undefined ? null : found.url.trim();
}
