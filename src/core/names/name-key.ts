import { normalizeName } from './split-name.js';

/**
 * The key names are matched on when no stable id is available (departments, locations, managers,
 * members): spacing normalised, case and accents folded, so "Núñez" matches "nunez" and
 * "engineering" matches "Engineering". Only a fallback: Ashby ids and emails come first.
 */
export function nameKey(text: string): string {
  return normalizeName(text).normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}
