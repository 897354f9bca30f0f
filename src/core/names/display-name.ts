const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * The one name a new hire goes by in emails, Slack, the list and the review page: first and last name
 * (the middle name only when neither is there), else the personal or work email, so a record that holds
 * any name or address is never shown as nameless. `null` when the record holds none of them. The admin
 * app repeats this rule (admin-ui/src/components/inbox/values.ts), since it may import types only.
 */
export function displayNameOf(values: (key: string) => unknown): string | null {
  const firstLast = [text(values('firstName')), text(values('lastName'))].filter((p) => p !== null);
  if (firstLast.length > 0) return firstLast.join(' ');
  return text(values('middleName')) ?? text(values('personalEmail')) ?? text(values('workEmail'));
}
