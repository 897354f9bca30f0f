import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { ApiTokensCard } from '../components/admin/api-tokens-card';
import { InviteUserForm, USERS_PATH } from '../components/admin/invite-user-form';
import { NotificationRecipients } from '../components/admin/notification-recipients';
import type { AdminUser, ListAnswer } from '../components/admin/types';
import { ConnectionSelect, useChosenConnection } from '../components/admin/use-connections';
import { UsersTable } from '../components/admin/users-table';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import './admin.css';

/** HireBridge users and roles, invitations, and who is told about each connection's new hires. */
export function UsersPage() {
  const { mayChange } = useSession();
  const users = useApiQuery<ListAnswer<AdminUser>>(USERS_PATH);
  const { items, chosen, choose, query } = useChosenConnection();
  const list = users.data?.items ?? [];
  return (
    <Page title="Users & notification recipients">
      <div className="admin-page">
        {users.isPending && <p>Loading…</p>}
        <ErrorMessage error={users.error} />
        {users.isSuccess && <UsersTable users={list} />}
        {mayChange && <InviteUserForm />}
        {users.isSuccess && <ApiTokensCard users={list} />}
        <h2>Notifications</h2>
        <ErrorMessage error={query.error} />
        {query.isSuccess && items.length === 0 && (
          <p className="muted">
            Recipients are chosen per Ashby connection; connect Ashby on the Integrations page first.
          </p>
        )}
        {items.length > 1 && <ConnectionSelect items={items} chosenId={chosen?.id} onChoose={choose} />}
        {chosen && (
          <NotificationRecipients
            key={chosen.id}
            connectionId={chosen.id}
            connectionName={chosen.name}
            users={list}
          />
        )}
      </div>
    </Page>
  );
}
