import type { Clock } from '../../core/ports/clock.js';

/** The wall clock, for connector instances built without one (main/ passes its own). */
export const systemClock: Clock = { now: () => Date.now() };
