import { Link } from 'react-router';
import { Page } from '../components/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        There is no page here. Go to the <Link to="/new-hires">New hires</Link> inbox.
      </p>
    </Page>
  );
}
