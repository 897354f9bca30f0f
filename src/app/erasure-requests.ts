import { displayNameOf } from '../core/names/display-name.js';
import type { InboxDeps } from './inbox-deps.js';

export interface ErasureRequestView {
  readonly memberId: string;
  /** The member's name, for the admin deciding (null when the record holds none). */
  readonly name: string | null;
  readonly connectionId: string;
  readonly requestedAt: number;
}

/** Members Ashby deleted, waiting for an admin to erase them, oldest first. */
export function listErasureRequests(deps: Pick<InboxDeps, 'inbox'>): Promise<ErasureRequestView[]> {
  return deps.inbox.read(async (data) => {
    const views: ErasureRequestView[] = [];
    for (const request of await data.erasure.erasureRequests()) {
      const member = await data.findMember(request.memberId);
      views.push({
        memberId: request.memberId,
        name: member ? displayNameOf((key) => member.fields[key]) : null,
        connectionId: request.connectionId,
        requestedAt: request.requestedAt,
      });
    }
    return views;
  });
}
