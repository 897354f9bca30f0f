import type { NotificationStore } from '../core/ports/notification-store.js';

/** Pages of unread notifications marked per call; the bound keeps one request from running unbounded. */
const PAGE = 200;
const MAX_PAGES = 50;

/**
 * "Mark all read": every unread notification of the user, marked read now. Read in pages through the
 * same port the list uses (no store change), and bounded: a user with more than MAX_PAGES pages of unread
 * notifications presses it again. Returns how many were marked.
 */
export async function markAllNotificationsRead(
  deps: { readonly notifications: NotificationStore; readonly clock: { now(): number } },
  input: { userId: string },
): Promise<number> {
  const at = deps.clock.now();
  let marked = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const unread = await deps.notifications.listForUser(input.userId, { unreadOnly: true, limit: PAGE });
    if (unread.length === 0) break;
    for (const n of unread) {
      if (await deps.notifications.markRead(n.id, input.userId, at)) marked += 1;
    }
  }
  return marked;
}
