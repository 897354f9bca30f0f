import { Link } from 'react-router';
import type { NotificationResponse } from '../../../../src/contract/people';
import { useApiMutation } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { Time } from '../time';

/** The in-app path of a notification's new hire: the path of its link when that is a review page. */
function reviewPath(n: NotificationResponse): string {
  const fallback = `/new-hires/${encodeURIComponent(n.newHireId)}`;
  if (!n.newHire) return fallback;
  try {
    const path = new URL(n.newHire.link, window.location.origin).pathname;
    return /^\/new-hires\/[^/]+$/.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/**
 * "New hire: <name> — <job title>, starts <date>", unread in bold with "Mark as read"; following the link
 * marks it read too.
 */
export function NotificationItem({ notification: n }: { readonly notification: NotificationResponse }) {
  const unread = n.readAt === null;
  const markRead = useApiMutation<void>(
    () => ({ path: `/api/v1/notifications/${encodeURIComponent(n.id)}/read`, method: 'POST' }),
    ['/api/v1/notifications'],
  );
  const hire = n.newHire;
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <div className="notification-text">
        {hire ? (
          <Link
            to={reviewPath(n)}
            // Opening the hire is reading the notification.
            onClick={() => {
              if (unread) markRead.mutate();
            }}
          >
            New hire: {hire.name}
            {hire.jobTitle && ` — ${hire.jobTitle}`}
            {hire.startDate && `, starts ${hire.startDate}`}
          </Link>
        ) : (
          <span className="muted">New hire (since deleted: no personal data is kept)</span>
        )}
        <div className="hint">
          <Time iso={n.createdAt} />
          {unread && <span className="visually-hidden"> · unread</span>}
          {n.email?.status === 'sent' && <span> · also emailed</span>}
          {n.email?.status === 'failed' && <span> · the email could not be sent</span>}
        </div>
        <ErrorMessage error={markRead.error} />
      </div>
      {unread && (
        <button
          type="button"
          className="small"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate()}
        >
          Mark as read
        </button>
      )}
    </li>
  );
}
