import { useApiQuery } from '../api/hooks';
import { PushList } from '../components/destinations/push-list';
import {
  DESTINATIONS_PATH,
  type DestinationResponse,
  type PushResponse,
} from '../components/destinations/types';
import { ErrorMessage } from '../components/error-message';
import { Page } from '../components/page';

/** Pushes that need a person: failed (the system refused the data) and paused (credentials refused). */
export function FailedPushesPage() {
  const failed = useApiQuery<{ items: PushResponse[] }>('/api/v1/pushes?status=failed', {
    refetchIntervalMs: 5_000,
  });
  const paused = useApiQuery<{ items: PushResponse[] }>('/api/v1/pushes?status=paused', {
    refetchIntervalMs: 5_000,
  });
  const destinations = useApiQuery<{ items: DestinationResponse[] }>(DESTINATIONS_PATH);
  const names = destinations.data?.items ?? [];
  return (
    <Page title="Failed pushes">
      <ErrorMessage error={failed.error ?? paused.error ?? destinations.error} />
      <h2>Failed</h2>
      {failed.isSuccess && <PushList pushes={failed.data.items} destinations={names} showMember />}
      <h2>Paused</h2>
      <p className="hint">Paused while a destination refuses its credentials; a passing test resumes them.</p>
      {paused.isSuccess && <PushList pushes={paused.data.items} destinations={names} showMember />}
    </Page>
  );
}
