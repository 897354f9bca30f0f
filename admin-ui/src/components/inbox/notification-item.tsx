import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { NotificationResponse } from '../../../../src/contract/people';
import { useApiMutation } from '../../api/hooks';
import { DESTINATIONS_PATH } from '../destinations/types';
import { ErrorMessage } from '../error-message';
import { CalendarDate, Time } from '../time';

/** The in-app path of a notification's new hire: the path of its link when that is a review page. */
function reviewPath(n: NotificationResponse): string {
  const fallback = `/new-hires/${encodeURIComponent(n.newHireId ?? '')}`;
  if (!n.newHire) return fallback;
  try {
    const path = new URL(n.newHire.link, window.location.origin).pathname;
    return /^\/new-hires\/[^/]+$/.test(path) ? path : fallback;
  } catch {
    return fallback;
  }
}

/**
 * One notification, unread in bold with "Mark as read"; following its link marks it read too. A new hire
 * reads "New hire: <name> — <job title>, starts <date>"; a paused destination (admins) reads
 * "Destination <name> refused its credentials: pushes are paused", with what it answered, and links to
 * the Destinations page where it is fixed or tested.
 */
export function NotificationItem({ notification: n }: { readonly notification: NotificationResponse }) {
  const unread = n.readAt === null;
  const markRead = useApiMutation<void>(
    () => ({ path: `/api/v1/notifications/${encodeURIComponent(n.id)}/read`, method: 'POST' }),
    ['/api/v1/notifications'],
  );
  // Opening what it is about is reading the notification.
  const readOnOpen = () => {
    if (unread) markRead.mutate();
  };
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <div className="notification-text">
        {n.destination ? (
          <DestinationNotice destination={n.destination} onOpen={readOnOpen} />
        ) : n.newHire ? (
          <Link to={reviewPath(n)} onClick={readOnOpen}>
            New hire: {n.newHire.name}
            {n.newHire.jobTitle && ` — ${n.newHire.jobTitle}`}
            {n.newHire.startDate && (
              <>
                , starts <CalendarDate date={n.newHire.startDate} />
              </>
            )}
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

function DestinationNotice({
  destination: d,
  onOpen,
}: {
  readonly destination: NonNullable<NotificationResponse['destination']>;
  readonly onOpen: () => void;
}) {
  const client = useQueryClient();
  const name = d.name === null ? 'A destination (since removed)' : `Destination “${d.name}”`;
  return (
    <>
      <Link
        to="/destinations"
        onClick={() => {
          // The list may have been read just before the pause (Add member lists destinations too).
          void client.invalidateQueries({ queryKey: [DESTINATIONS_PATH] });
          onOpen();
        }}
      >
        {name} refused its credentials: pushes to it are paused
      </Link>
      <div className="hint">
        {d.message}
        {d.status === 'ok'
          ? ' · resumed since'
          : d.status === 'credentials_refused' &&
            ' · fix the credentials or test it on the Destinations page'}
      </div>
    </>
  );
}
