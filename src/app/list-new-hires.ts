import type { NewHire } from '../core/model/new-hire.js';
import type { InboxStore } from '../core/ports/inbox-store.js';

/** The New hires inbox list (newest first). */
export function listNewHires(
  deps: { readonly inbox: InboxStore },
  filter: { status?: NewHire['status']; connectionId?: string; limit: number },
): Promise<NewHire[]> {
  return deps.inbox.read((data) => data.listNewHires(filter));
}
