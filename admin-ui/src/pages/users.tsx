import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function UsersPage() {
  return <Page title="Users & recipients">{null}</Page>;
}
