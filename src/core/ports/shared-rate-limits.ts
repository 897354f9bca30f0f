/** What one attempt to take a shared slot found. */
export type SlotTake =
  | { readonly ok: true }
  /** Not now: try again at `retryAtMs` (the rate's next slot, or the end of a pause). */
  | { readonly ok: false; readonly retryAtMs: number; readonly pausedUntil: number };

/**
 * Outbound rate limits held in the database, so every process of a deployment draws from the same
 * budget (one Ashby API key, one destination). The HTTP kit's limiter asks it before each call.
 */
export interface SharedRateLimits {
  /** Takes one slot of `key` at a sustained `intervalMs` per call, allowing `burst` calls at once. */
  take(
    key: string,
    nowMs: number,
    limit: { readonly intervalMs: number; readonly burst: number },
  ): Promise<SlotTake>;
  /** No call through `key` before `untilMs`; an earlier pause never shortens a later one. */
  pause(key: string, untilMs: number): Promise<void>;
}
