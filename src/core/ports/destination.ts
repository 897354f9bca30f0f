import type { DocumentKind } from '../model/document.js';
import type { FieldValue } from '../model/field-value.js';

/**
 * What the push machinery (app/) asks of one configured destination, and what every destination
 * connector's instance implements (connectors/<name>/index.ts `create`). Errors are AppErrors classified by
 * the connector kit: 401/403 -> `upstream_auth` style codes pause the destination, 429 carries
 * retryAfterMs, 5xx/network are retryable, other 4xx are permanent and their message is shown on the push.
 *
 * Creates are never retried blindly: the machinery always calls `findPerson` before `createPerson`, also
 * after a timeout or a crash between a create and recording its remote id.
 */

/** A document of the member, readable when the push needs its bytes. */
export interface PushDocument {
  readonly id: string;
  readonly kind: DocumentKind;
  /** The folder or document type it was filed under in HireBridge (e.g. "Offer letter", "Resumes"). */
  readonly category: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  /** A HireBridge download link with a limited lifetime, for systems that fetch by URL. */
  readonly downloadUrl: string;
  read(): Promise<Uint8Array>;
}

/** The person as a destination receives it. Values by HireBridge field key, already through the
 * destination's field mapping where the destination has one. */
export interface PushedMember {
  readonly memberId: string;
  /** HireBridge field values by key (firstName, lastName, personalEmail, workEmail, jobTitle,
   * employmentStartDate, salaryAmount, salaryCurrency, personalPhone, custom keys...). */
  readonly fields: Readonly<Record<string, FieldValue | null>>;
  readonly department: string | null;
  readonly location: string | null;
  /** The manager, matched in the destination by email first, then by a remote id kept from earlier pushes. */
  readonly manager: {
    readonly email: string | null;
    readonly name: string | null;
    readonly remoteId: string | null;
  } | null;
  readonly documents: readonly PushDocument[];
  readonly ashby: { readonly candidateId: string; readonly applicationId: string } | null;
  /**
   * Stable across the retries of one change and new for each change (the push id and its revision):
   * for systems that deduplicate on a key, such as the webhook's `webhook-id`. Safe in a header: letters,
   * digits, `_` and `-` only.
   */
  readonly changeKey?: string;
  /** When the change being pushed was made (epoch ms): an event's time, the same across retries. */
  readonly changedAt?: number;
  /**
   * The HireBridge position this member filled (Add member links it when the hire came through one of
   * its Ashby openings), or null. Systems that keep seats (ChartHop jobs) find the linked one by it.
   */
  readonly positionId: string | null;
}

/** A remote person found or created; `warnings` are shown on the push ("manager not matched: a@b.c"). */
export interface PushResult {
  readonly remoteId: string;
  readonly warnings: readonly string[];
}

/**
 * What a push would send for one member, built by the same pure code the push uses, without calling the
 * system: the request bodies in order, what is already known to go wrong, and what only the system can
 * answer (list item ids, the manager's id), which the push looks up when it runs.
 */
export interface DestinationPreview {
  readonly requests: readonly {
    /** What the request does, in words ("create the employee", "work entry"). */
    readonly step: string;
    readonly method: string;
    readonly path: string;
    readonly body: unknown;
  }[];
  /** Known now: values left out and why ("salary not sent: it has no currency"). */
  readonly notes: readonly string[];
  /** Decided only when pushing, by asking the system ("manager matched by email a@b.c when pushing"). */
  readonly atPush: readonly string[];
  /** Required fields with no value, in words: a push would fail with these named. */
  readonly missing: readonly string[];
}

export interface DestinationClient {
  /** One cheap authenticated call; throws the classified error when the system refuses. */
  testConnection(signal?: AbortSignal): Promise<void>;
  /** Looks the person up: by personal email, then work email, then `knownRemoteId`. Null when absent. */
  findPerson(
    member: PushedMember,
    knownRemoteId: string | null,
    signal?: AbortSignal,
  ): Promise<{ remoteId: string } | null>;
  createPerson(member: PushedMember, signal?: AbortSignal): Promise<PushResult>;
  updatePerson(remoteId: string, member: PushedMember, signal?: AbortSignal): Promise<PushResult>;
  /** Present only on destinations with the `delete` capability. */
  deletePerson?(remoteId: string, member: PushedMember, signal?: AbortSignal): Promise<void>;
}
