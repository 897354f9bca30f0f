import { useApiQuery } from '../api/hooks';
import { AddDestinationForm } from '../components/destinations/add-destination-form';
import { DestinationConfig } from '../components/destinations/destination-config';
import { DestinationsTable } from '../components/destinations/destinations-table';
import { DESTINATIONS_PATH, type DestinationResponse } from '../components/destinations/types';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';
import './admin.css';

/** Where added members are pushed (HR systems and signed webhooks), and each one's settings, mapping and preview. */
export function DestinationsPage() {
  const list = useApiQuery<{ items: DestinationResponse[] }>(DESTINATIONS_PATH);
  return (
    <Page title="Destinations">
      <div className="admin-page">
        {list.isPending && <p>Loading…</p>}
        <ErrorMessage error={list.error} />
        {list.isSuccess && <DestinationsTable items={list.data.items} />}
        <AddDestinationForm />
        {list.isSuccess && <DestinationConfig items={list.data.items} />}
      </div>
    </Page>
  );
}
