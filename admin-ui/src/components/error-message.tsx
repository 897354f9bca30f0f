import { ApiError } from '../api/client';

/**
 * An error as the server named it: the message, then each named problem (field errors, missing
 * permissions, missing required fields) as a list. Rendered as text, never as HTML.
 */
export function ErrorMessage({ error }: { readonly error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : 'Something went wrong';
  const problems = error instanceof ApiError ? problemsOf(error.details) : [];
  return (
    <div role="alert" className="error">
      <p>{message}</p>
      {problems.length > 0 && (
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Flattens the details shapes the API uses into readable lines. */
export function problemsOf(details: Readonly<Record<string, unknown>> | undefined): string[] {
  if (!details) return [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (Array.isArray(value)) {
      for (const item of value) lines.push(describe(key, item));
    } else if (typeof value === 'string') {
      lines.push(`${key}: ${value}`);
    }
  }
  return lines;
}

function describe(key: string, item: unknown): string {
  if (typeof item === 'string') return item;
  if (typeof item === 'object' && item !== null) {
    const o = item as Record<string, unknown>;
    const name = [o.field, o.path, o.label, o.permission, o.name].find((v) => typeof v === 'string');
    const why = [o.message, o.problem, o.reason, o.neededFor].find((v) => typeof v === 'string');
    if (typeof name === 'string' && typeof why === 'string') return `${name}: ${why}`;
    if (typeof name === 'string') return name;
    if (typeof why === 'string') return why;
  }
  return `${key}: ${JSON.stringify(item)}`;
}
