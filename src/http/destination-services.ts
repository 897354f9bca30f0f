import type { DestinationMapping } from '../app/destination-mapping.js';
import type { DestinationEdit } from '../app/manage-destinations.js';
import type { Principal } from '../core/auth/role.js';
import type { HireDocument } from '../core/model/document.js';
import type { Destination, Push, PushStatus } from '../core/model/destination.js';
import type { DestinationPreview } from '../core/ports/destination.js';
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
  /** The field mapping: the saved copy or the preset, with the HireBridge fields it can read. */
  mapping(id: string): Promise<DestinationMapping>;
  saveMapping(input: {
    id: string;
    rules: readonly unknown[] | null;
    principal: Principal;
  }): Promise<DestinationMapping>;
  settings(id: string): Promise<{
    destination: Destination;
    settings: Record<string, unknown>;
    savedKeys: string[];
    schema: unknown;
  }>;
  saveSettings(input: {
    id: string;
    settings: Readonly<Record<string, unknown>>;
    principal: Principal;
  }): Promise<Destination>;
  /** What a push of the member would send; sends nothing. */
  preview(input: {
    id: string;
    memberId: string;
  }): Promise<{ destination: Destination; preview: DestinationPreview }>;
  memberPushes(memberId: string): Promise<Push[]>;
  listPushes(filter: { status?: PushStatus; limit: number }): Promise<Push[]>;
  retryPush(input: { memberId: string; destinationId: string; principal: Principal }): Promise<Push>;
  /** A document through a signed, expiring link (no sign-in: the link is the credential). */
  openDocumentLink(token: string): Promise<{ document: HireDocument; content: AsyncIterable<Uint8Array> }>;
}
