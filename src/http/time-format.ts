/** Times leave the API as ISO-8601 UTC strings. */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
