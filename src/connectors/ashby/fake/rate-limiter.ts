const WINDOW_MS = 60_000;

/**
 * Per-key rolling-window limiter: at most `limit` accepted calls in any 60 s window. Rejected calls do not
 * take a slot, so a client that honours Retry-After gets through as soon as the oldest call ages out.
 * (Ashby's real per-key numbers are UNCONFIRMED; the limit is a knob.)
 */
export class RollingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();

  /** Takes a slot, or returns the whole seconds until one frees (≥ 1). */
  take(key: string, limit: number, nowMs: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const times = (this.accepted.get(key) ?? []).filter((t) => t > nowMs - WINDOW_MS);
    if (times.length >= limit) {
      this.accepted.set(key, times);
      const oldest = times[times.length - limit] ?? nowMs;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - nowMs) / 1000)) };
    }
    times.push(nowMs);
    this.accepted.set(key, times);
    return { ok: true };
  }

  reset(): void {
    this.accepted.clear();
  }
}
