import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function NewHirePage() {
  return <Page title="New hire">{null}</Page>;
}
