import type { NotificationResponse } from '../../../src/contract/people';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { ErrorMessage } from '../components/error-message';
import { NotificationItem } from '../components/inbox/notification-item';
import { Page } from '../components/page';
import './inbox.css';

/** The signed-in user's notifications (new hires; paused destinations for admins), newest first; reading one refreshes the bell. */
export function NotificationsPage() {
  // A signed-in user reads their own notifications (the server refuses naming anyone else).
  const list = useApiQuery<{ items: NotificationResponse[] }>('/api/v1/notifications', {
    refetchIntervalMs: 15_000,
  });
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const markAll = useApiMutation<{ marked: number }>(
    () => ({ path: '/api/v1/notifications/read-all', method: 'POST' }),
    ['/api/v1/notifications'],
  );
  const anyUnread = items.some((n) => n.readAt === null);
  return (
    <Page
      title="Notifications"
      actions={
        anyUnread ? (
          <button type="button" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
            {markAll.isPending ? 'Marking…' : 'Mark all read'}
          </button>
        ) : undefined
      }
    >
      <div className="inbox">
        <ErrorMessage error={markAll.error} />
        {list.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.error ? (
          <ErrorMessage error={list.error} />
        ) : items.length === 0 ? (
          <p className="empty">
            No notifications yet. You are notified here when a new hire arrives from Ashby, if you are one of
            the people an admin chose to hear about new hires (by default, the admin who connected Ashby).
            Admins are also told here when a destination refuses its credentials and its pushes pause.
          </p>
        ) : (
          <ul className="notifications">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </ul>
        )}
      </div>
    </Page>
  );
}
