import type { Clock } from '../../src/core/ports/clock.js';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  #now: number;
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

export function sequentialIds(prefix = 'id') {
  let n = 0;
  return { newId: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}
