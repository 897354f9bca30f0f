/** One shared outbound limiter (see db/stores/rate-limit-store.ts). Times are epoch ms. */
export interface RateLimitTable {
  key: string;
  /** GCRA theoretical arrival time: when the next call would be due at the sustained rate. */
  next_at: number;
  /** No call before this, set after a 429 with Retry-After. */
  paused_until: number;
}
