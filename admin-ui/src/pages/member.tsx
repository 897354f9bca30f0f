import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function MemberPage() {
  return <Page title="Member">{null}</Page>;
}
