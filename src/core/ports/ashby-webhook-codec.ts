/** What intake needs to know of one webhook (ids only; the body itself is not kept). */
export interface AshbyDeliverySummary {
  /** Stable across Ashby's retries and a hire's fan-out; null when a delivery lacks one. */
  readonly webhookActionId: string | null;
  readonly action: string;
  readonly applicationId: string | null;
  readonly candidateId: string | null;
  /** candidateMerge: the id Ashby deleted in the merge (`candidateId` is the surviving one). */
  readonly formerCandidateId: string | null;
}

/** Signature check and envelope parsing (implemented by the Ashby connector). Neither ever throws. */
export interface AshbyWebhookCodec {
  verify(
    rawBody: Buffer,
    signatureHeader: string | undefined,
    secret: string,
  ): { ok: true } | { ok: false; reason: string };
  parse(rawBody: Buffer): { ok: true; delivery: AshbyDeliverySummary } | { ok: false; reason: string };
}
