import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function MembersPage() {
  return <Page title="Members">{null}</Page>;
}
