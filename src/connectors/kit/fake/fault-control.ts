/**
 * Fault injection and rate limiting shared by the HR-system fakes (PeopleForce, ChartHop). Their real
 * per-minute limits are UNCONFIRMED (hris-apis.md §4.3, §5.4), so the limit is a knob; a refused call takes
 * no slot, so a client that honours Retry-After gets through once the oldest call ages out.
 */
export interface InjectedFault {
  readonly status: number;
  /** Only calls with this method and a path (after the API root) this pattern matches; default any. */
  readonly on?: { readonly method: string; readonly path: RegExp };
  /** Sent as Retry-After (whole seconds) when set. */
  readonly retryAfterSeconds?: number;
}

const WINDOW_MS = 60_000;

export class FaultControl {
  /** Answered, in order, to the next calls (after auth), whatever they are. */
  private readonly queue: InjectedFault[] = [];
  private accepted: number[] = [];
  /** Calls allowed per rolling minute before a 429. */
  rateLimitPerMinute = 600;
  /** IP-allowlist mode: every call gets 403, even with the right key (PeopleForce, hris-apis.md §4.1). */
  ipAllowlistBlocked = false;

  /** The next `count` calls get `status` (5xx, 401, 403, 429...). */
  failNext(status: number, count = 1, retryAfterSeconds?: number): void {
    for (let i = 0; i < count; i++) {
      this.queue.push(retryAfterSeconds === undefined ? { status } : { status, retryAfterSeconds });
    }
  }

  /** The next call with `method` on a path matching `path` gets `status`; other calls pass. */
  failNextOn(method: string, path: RegExp, status: number, retryAfterSeconds?: number): void {
    const on = { method, path };
    this.queue.push(retryAfterSeconds === undefined ? { status, on } : { status, on, retryAfterSeconds });
  }

  /** The first queued fault that applies to this call, removed from the queue. */
  takeInjected(method: string, path: string): InjectedFault | undefined {
    const index = this.queue.findIndex((f) => !f.on || (f.on.method === method && f.on.path.test(path)));
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  /** Takes a rate-limit slot, or returns the seconds until one frees. */
  takeSlot(now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.accepted = this.accepted.filter((t) => t > now - WINDOW_MS);
    if (this.accepted.length >= this.rateLimitPerMinute) {
      const oldest = this.accepted[0] ?? now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)) };
    }
    this.accepted.push(now);
    return { ok: true };
  }

  reset(): void {
    this.queue.length = 0;
    this.accepted = [];
    this.rateLimitPerMinute = 600;
    this.ipAllowlistBlocked = false;
  }
}
