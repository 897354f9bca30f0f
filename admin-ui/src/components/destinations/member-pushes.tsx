import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../error-message';
import { PushList } from './push-list';
import { DESTINATIONS_PATH, type DestinationResponse, type PushResponse } from './types';

/** The member's pushes to destinations: status, the system's error, and Retry. */
export function MemberPushes({ memberId }: { readonly memberId: string }) {
  const pushes = useApiQuery<{ items: PushResponse[] }>(
    `/api/v1/members/${encodeURIComponent(memberId)}/pushes`,
    { refetchIntervalMs: 3_000 },
  );
  const destinations = useApiQuery<{ items: DestinationResponse[] }>(DESTINATIONS_PATH);
  return (
    <section aria-labelledby="pushes-title">
      <h2 id="pushes-title">Destinations</h2>
      <ErrorMessage error={pushes.error ?? destinations.error} />
      {pushes.isSuccess && (
        <PushList pushes={pushes.data.items} destinations={destinations.data?.items ?? []} />
      )}
    </section>
  );
}
