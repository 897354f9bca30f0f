import type { Clock } from '../../core/ports/clock.js';

/**
 * The wall clock for connector-owned pacing (per-tenant write limiters that must outlive one connector
 * instance). Connectors may not read `Date.now()` themselves (lint rule); the kit may, and tests pass
 * their own clock where timing matters.
 */
export const systemClock: Clock = { now: () => Date.now() };
