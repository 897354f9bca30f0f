import type { DestinationEdit } from '../app/manage-destinations.js';
import type { Principal } from '../core/auth/role.js';
import type { HireDocument } from '../core/model/document.js';
import type { Destination, Push, PushStatus } from '../core/model/destination.js';
import type { DestinationType } from '../core/ports/destination-types.js';

/** Destinations, pushes and the time-limited document links destinations fetch. */
export interface DestinationServices {
  types(): readonly DestinationType[];
  list(): Promise<Destination[]>;
  get(id: string): Promise<Destination>;
  add(input: {
    type: string;
    name: string;
    baseUrl?: string | null;
    credentials: unknown;
    enabled?: boolean;
    principal: Principal;
  }): Promise<{ destination: Destination; generated: Readonly<Record<string, string>> }>;
  update(input: { id: string; edit: DestinationEdit; principal: Principal }): Promise<Destination>;
  remove(input: { id: string; principal: Principal }): Promise<void>;
  test(input: {
    id: string;
    principal: Principal;
  }): Promise<{ destination: Destination; resumedPushes: number }>;
  memberPushes(memberId: string): Promise<Push[]>;
  listPushes(filter: { status?: PushStatus; limit: number }): Promise<Push[]>;
  retryPush(input: { memberId: string; destinationId: string; principal: Principal }): Promise<Push>;
  /** A document through a signed, expiring link (no sign-in: the link is the credential). */
  openDocumentLink(token: string): Promise<{ document: HireDocument; content: AsyncIterable<Uint8Array> }>;
}
