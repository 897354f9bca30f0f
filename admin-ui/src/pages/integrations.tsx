import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function IntegrationsPage() {
  return <Page title="Integrations">{null}</Page>;
}
