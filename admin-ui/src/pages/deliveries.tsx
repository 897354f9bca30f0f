import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function DeliveriesPage() {
  return <Page title="Delivery log">{null}</Page>;
}
