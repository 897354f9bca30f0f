import { permissionLabel } from './ashby-names';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../error-message';

/**
 * What each Ashby permission is for, used when the server's answer does not say (the server's own
 * `purpose` wins). Keyed by Ashby's permission names, as in Admin › Integrations › API keys.
 */
const PURPOSE_FALLBACK: Readonly<Record<string, string>> = {
  candidatesRead: "read the hired candidate's profile, contacts and files",
  offersRead: 'read the accepted offer (start date, salary, offer letter)',
  jobsRead: 'read the job title and employment type',
  organizationRead: 'read departments, locations and the hiring manager',
  hiringProcessMetadataRead: 'read custom field definitions for the field mapping',
  apiKeysWrite: 'create the Ashby webhooks automatically',
  jobsWrite: 'publish open positions to Ashby as openings',
};

export function purposeOf(name: string, given?: string): string {
  return given && given.trim() !== '' ? given : (PURPOSE_FALLBACK[name] ?? 'used by HireBridge');
}

interface PermissionLine {
  readonly name: string;
  readonly purpose: string;
}

/** The missing permissions named by a 422 permission_missing answer, each with what it is needed for. */
export function missingPermissionsOf(error: unknown): PermissionLine[] | null {
  if (!(error instanceof ApiError) || error.code !== 'permission_missing') return null;
  const details = error.details ?? {};
  const missing = Array.isArray(details.missing) ? details.missing.filter((m) => typeof m === 'string') : [];
  const report = details.permissions as
    { required?: readonly { name?: unknown; purpose?: unknown; neededFor?: unknown }[] } | undefined;
  const purposes = new Map<string, string>();
  for (const p of report?.required ?? []) {
    const why = typeof p.purpose === 'string' ? p.purpose : p.neededFor;
    if (typeof p.name === 'string' && typeof why === 'string') purposes.set(p.name, why);
  }
  return missing.map((name) => ({ name, purpose: purposeOf(name, purposes.get(name)) }));
}

/** A connect/reconnect failure: missing permissions as a checklist, anything else as the server said. */
export function ConnectError({ error }: { readonly error: unknown }) {
  const missing = missingPermissionsOf(error);
  if (!missing) return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="error">
      <p>
        This Ashby API key lacks {missing.length === 1 ? 'a permission' : 'permissions'} HireBridge needs. In
        Ashby (Admin › Integrations › API keys) edit the key, tick {missing.length === 1 ? 'it' : 'these'},
        and try again:
      </p>
      <ul>
        {missing.map((p) => (
          <li key={p.name}>
            <strong>{permissionLabel(p.name)}</strong>: needed to {p.purpose}
          </li>
        ))}
      </ul>
    </div>
  );
}
