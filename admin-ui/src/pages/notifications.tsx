import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function NotificationsPage() {
  return <Page title="Notifications">{null}</Page>;
}
