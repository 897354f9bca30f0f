import { Page } from '../components/page';

// PLACEHOLDER until this page is built (issue 7).
export function NewHiresPage() {
  return <Page title="New hires">{null}</Page>;
}
