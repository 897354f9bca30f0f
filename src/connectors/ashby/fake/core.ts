import type { Knobs } from './knobs.js';
import type { Random } from './random.js';
import type { SimulatorState } from './state.js';
import type { TimerRegistry } from './timers.js';
import type { WebhookSender } from './webhook-sender.js';
import type { WireContext } from './wire-common.js';

/** What endpoints, actions and control routes share: one object instead of a dozen parameters. */
export interface SimulatorCore {
  state: SimulatorState;
  wire: WireContext;
  webhooks: WebhookSender;
  timers: TimerRegistry;
  now: () => number;
  random: Random;
  knobs: () => Knobs;
  /** http://127.0.0.1:<port>, known once the server listens. */
  baseUrl: () => string;
}

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}
