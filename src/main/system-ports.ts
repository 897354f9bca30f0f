import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/ports/clock.js';
import type { IdGenerator } from '../core/ports/id-generator.js';

/** The real clock and id source; everything else receives them as ports. */
export const systemClock: Clock = { now: () => Date.now() };
export const randomIds: IdGenerator = { newId: () => randomUUID() };
