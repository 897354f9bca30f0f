import type { PushedMember } from '../core/ports/destination.js';
import type { DestinationStore } from '../core/ports/destination-store.js';
import type { DestinationTypes } from '../core/ports/destination-types.js';
import type { JobPayloads } from '../core/ports/job-queue.js';

export interface ForgetDeps {
  readonly destinations: DestinationStore;
  readonly types: DestinationTypes;
  readonly clock: { now(): number };
}

/**
 * Tells one destination that an erased member is gone (`member.deleted` on the webhook). The member's
 * data is already erased, so the event carries its ids only. A removed destination or one that lost the
 * delete capability has nothing to be told; errors are thrown for the queue's retries.
 */
export async function forgetMember(
  deps: ForgetDeps,
  input: JobPayloads['destinations.forget'] & { readonly signal?: AbortSignal },
): Promise<'told' | 'gone'> {
  const destination = await deps.destinations.open(input.destinationId);
  const client = destination && deps.types.get(destination.type)?.client(destination);
  if (!client?.deletePerson) return 'gone';
  const erased: PushedMember = {
    memberId: input.memberId,
    fields: {},
    department: null,
    location: null,
    manager: null,
    documents: [],
    ashby: null,
    changeKey: `erase_${input.memberId}`,
    changedAt: deps.clock.now(),
    positionId: null,
  };
  await client.deletePerson(input.remoteId, erased, input.signal);
  return 'told';
}
