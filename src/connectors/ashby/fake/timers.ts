/**
 * Every timer the simulator starts goes through one registry so `close()` can clear them all and a test
 * process never hangs on a forgotten retry or latency timer.
 */
export class TimerRegistry {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  /** Runs `fn` after `ms`; does nothing once the registry is closed. */
  set(fn: () => void, ms: number): NodeJS.Timeout | undefined {
    if (this.closed) return undefined;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
    return timer;
  }

  clear(timer: NodeJS.Timeout | undefined): void {
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }

  /** Resolves after `ms`, or never if the registry closes first (its caller is being torn down). */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.set(resolve, ms);
    });
  }

  get size(): number {
    return this.timers.size;
  }

  closeAll(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
