import { useApiQuery } from '../api/hooks';
import { AddDestinationForm } from '../components/destinations/add-destination-form';
import { DestinationsTable } from '../components/destinations/destinations-table';
import { DESTINATIONS_PATH, type DestinationResponse } from '../components/destinations/types';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import './admin.css';

/** Where added members are pushed: HR systems and signed webhooks. */
export function DestinationsPage() {
  const list = useApiQuery<{ items: DestinationResponse[] }>(DESTINATIONS_PATH);
  return (
    <Page title="Destinations">
      <div className="admin-page">
        {list.isPending && <p>Loading…</p>}
        <ErrorMessage error={list.error} />
        {list.isSuccess && <DestinationsTable items={list.data.items} />}
        <AddDestinationForm />
      </div>
    </Page>
  );
}
