import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function AuditPage() {
  return <Page title="Audit log">{null}</Page>;
}
