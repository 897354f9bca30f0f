import { useState } from 'react';
import type { ApiTokenView } from '../../../../src/contract/account-security';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { CopyButton } from '../copy-button';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';
import { Changeable } from './changeable';
import type { AdminUser } from './types';

const TOKENS_PATH = '/api/v1/tokens';

/**
 * API tokens for scripts and other systems: who made each and when it was last used; a new one is
 * shown once; revoking one ends it at once. A viewer sees the list only.
 */
export function ApiTokensCard({ users }: { readonly users: readonly AdminUser[] }) {
  const { mayChange } = useSession();
  const tokens = useApiQuery<{ items: ApiTokenView[] }>(TOKENS_PATH);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'inbox' | 'admin'>('inbox');
  const create = useApiMutation<ApiTokenView & { token: string }>(
    () => ({ path: TOKENS_PATH, method: 'POST', body: { name: name.trim(), role } }),
    [TOKENS_PATH],
  );
  const revoke = useApiMutation<unknown, string>(
    (id) => ({ path: `${TOKENS_PATH}/${encodeURIComponent(id)}`, method: 'DELETE' }),
    [TOKENS_PATH],
  );
  const creator = (userId: string | null) =>
    userId === null ? 'command line' : (users.find((u) => u.id === userId)?.name ?? 'a removed user');
  const live = (tokens.data?.items ?? []).filter((t) => t.revokedAt === null);
  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="hint">For scripts and other systems. Revoking a token ends it at once.</p>
      <ErrorMessage error={tokens.error ?? revoke.error} />
      {tokens.isSuccess && live.length === 0 && <p className="muted">No API tokens in use.</p>}
      {live.length > 0 && (
        <table>
          <caption className="admin-sr-only">API tokens in use</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Made by</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="admin-sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {live.map((t) => (
              <tr key={t.id}>
                <td data-label="Name">{t.name}</td>
                <td data-label="Role">{t.role === 'inbox' ? 'Inbox manager' : 'Admin'}</td>
                <td data-label="Made by">
                  {creator(t.userId)}, <Time iso={t.createdAt} />
                </td>
                <td data-label="Last used">
                  <Time iso={t.lastUsedAt} never="never" />
                </td>
                <td>
                  {mayChange && (
                    <button
                      type="button"
                      className="small"
                      aria-label={`Revoke API token ${t.name}`}
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(t.id)}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayChange && (
        <form
          className="admin-subform"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(undefined, { onSuccess: () => setName('') });
          }}
        >
          <Changeable>
            <h3>New API token</h3>
            <div className="admin-form-row">
              <div className="field">
                <label htmlFor="token-name">Token name</label>
                <input id="token-name" required value={name} onChange={(e) => setName(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="token-role">Token role</label>
                <select
                  id="token-role"
                  value={role}
                  onChange={(e) => setRole(e.target.value === 'admin' ? 'admin' : 'inbox')}
                >
                  <option value="inbox">Inbox manager</option>
                  <option value="admin">Admin</option>
                </select>
              </div>
            </div>
            <ErrorMessage error={create.error} />
            <button type="submit" className="primary" disabled={create.isPending}>
              Create token
            </button>
          </Changeable>
        </form>
      )}
      {create.data && (
        <div role="status" className="success admin-invite-link">
          <p>
            Copy the token for {create.data.name} now: HireBridge keeps only its hash and cannot show it
            again.
          </p>
          <p className="actions">
            <code>{create.data.token}</code>{' '}
            <CopyButton value={create.data.token} label={`API token ${create.data.name}`} />
          </p>
        </div>
      )}
    </section>
  );
}
