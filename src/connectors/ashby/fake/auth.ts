import type { SimulatorState, ApiKeyRecord } from './state.js';

export type AuthOutcome =
  { ok: true; key: ApiKeyRecord } | { ok: false; status: 401 | 403; message: string; keyHint: string | null };

/**
 * HTTP Basic with the API key as username (§1.3). The password is ignored: docs say it is empty, and a
 * published connector sends the key twice, so Ashby presumably does not look at it.
 * No credentials → 401; unknown or disabled key → 403. Permission checks come later (per endpoint).
 */
export function authenticate(header: string | undefined, state: SimulatorState): AuthOutcome {
  const match = header === undefined ? null : /^Basic\s+(\S+)\s*$/i.exec(header);
  if (match === null) {
    return {
      ok: false,
      status: 401,
      message: 'Authentication required: use HTTP Basic with your API key as the username',
      keyHint: null,
    };
  }
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const key = colon === -1 ? decoded : decoded.slice(0, colon);
  if (key === '') {
    return {
      ok: false,
      status: 401,
      message: 'Authentication required: the API key (username) is empty',
      keyHint: null,
    };
  }
  const record = state.apiKeys.get(key);
  if (record === undefined || !record.enabled) {
    return {
      ok: false,
      status: 403,
      message: 'Forbidden: the API key is invalid or deactivated',
      keyHint: key,
    };
  }
  return { ok: true, key: record };
}
