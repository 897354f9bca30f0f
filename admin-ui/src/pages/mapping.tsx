import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function MappingPage() {
  return <Page title="Mapping">{null}</Page>;
}
