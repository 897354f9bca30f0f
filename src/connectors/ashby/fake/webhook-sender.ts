import type { ClientRequest } from 'node:http';
import { randomUuid, shuffled, type Random } from './random.js';
import type { ScenarioWebhook } from './scenario-schema.js';
import type { TimerRegistry } from './timers.js';
import { postWebhook, type PostOutcome } from './webhook-transport.js';

/** Ashby never retries these answers (§2.4). */
const NOT_RETRIED = new Set([401, 403, 404, 405, 410]);
/** "Maximum 10 attempts"; we count the first delivery as attempt 1 (whether Ashby does is UNCONFIRMED). */
export const MAX_ATTEMPTS = 10;

/** Delay before retry n (n = 1 for the second attempt): (2^n − 1) × 10 s, times the simulator's timeScale. */
export function retryDelayMs(retryNumber: number, timeScale: number): number {
  return (2 ** retryNumber - 1) * 10_000 * timeScale;
}

export interface DeliveryLogEntry {
  webhookId: string;
  webhookType: string;
  action: string;
  webhookActionId: string;
  attempt: number;
  requestUrl: string;
  /** HTTP status of the receiver's answer, or null when there was none (see `error`). */
  status: number | null;
  error: string | null;
  /** delivered | will-retry | failed (final: not retriable or attempts exhausted) */
  outcome: 'delivered' | 'will-retry' | 'failed';
  /** True for the extra copy sent by the duplicate-delivery knob. */
  duplicate: boolean;
  time: number;
}

export interface WebhookEvent {
  action: string;
  data: Record<string, unknown>;
}

export interface WebhookSenderOptions {
  timers: TimerRegistry;
  now: () => number;
  random: Random;
  timeScale: number;
  timeoutMs: number;
  duplicateProbability: () => number;
  shuffleFanOut: () => boolean;
}

/** Sends signed webhook deliveries with Ashby's retry schedule and keeps a log of every attempt. */
export class WebhookSender {
  readonly log: DeliveryLogEntry[] = [];
  private readonly inFlight = new Set<ClientRequest>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  /**
   * Sends each event to every enabled webhook of its type. All events of one call share one
   * `webhookActionId` (Ashby's related-webhook fan-out, §2.4). Bodies are serialised now, so later state
   * changes do not leak into retries.
   */
  fanOut(events: readonly WebhookEvent[], webhooks: Iterable<ScenarioWebhook>): string {
    const webhookActionId = randomUuid(this.options.random);
    const all = [...webhooks];
    let jobs: { webhook: ScenarioWebhook; action: string; body: Buffer }[] = [];
    for (const event of events) {
      const body = Buffer.from(JSON.stringify({ webhookActionId, action: event.action, data: event.data }));
      for (const webhook of all) {
        if (webhook.enabled && webhook.webhookType === event.action)
          jobs.push({ webhook, action: event.action, body });
      }
    }
    if (this.options.shuffleFanOut()) jobs = shuffled(this.options.random, jobs);
    for (const job of jobs) {
      this.deliver(job.webhook, job.action, webhookActionId, job.body, false);
      if (this.options.random() < this.options.duplicateProbability()) {
        this.deliver(job.webhook, job.action, webhookActionId, job.body, true);
      }
    }
    return webhookActionId;
  }

  /** One ping attempt, no retries (§2.1): true when the receiver answered below 400. */
  async ping(webhook: ScenarioWebhook): Promise<boolean> {
    const webhookActionId = randomUuid(this.options.random);
    const body = Buffer.from(
      JSON.stringify({ webhookActionId, action: 'ping', data: { webhookActionType: 'ping' } }),
    );
    this.begin();
    try {
      const outcome = await this.post(webhook, body);
      const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 400;
      this.record(webhook, 'ping', webhookActionId, 1, outcome, ok ? 'delivered' : 'failed', false);
      return ok;
    } finally {
      this.end();
    }
  }

  /** Resolves when no delivery is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  get pendingCount(): number {
    return this.pending;
  }

  /** Cancels retries (their timers belong to the shared registry) and aborts requests in flight. */
  close(): void {
    this.closed = true;
    for (const req of this.inFlight) req.destroy();
    this.inFlight.clear();
    this.pending = 0;
    this.flushIdle();
  }

  private deliver(
    webhook: ScenarioWebhook,
    action: string,
    webhookActionId: string,
    body: Buffer,
    duplicate: boolean,
  ): void {
    if (this.closed) return;
    this.begin();
    const attempt = async (n: number): Promise<void> => {
      if (this.closed) return;
      const outcome = await this.post(webhook, body);
      if (this.closed) return;
      const delivered = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
      const retriable =
        !delivered && !('status' in outcome && NOT_RETRIED.has(outcome.status)) && n < MAX_ATTEMPTS;
      this.record(
        webhook,
        action,
        webhookActionId,
        n,
        outcome,
        delivered ? 'delivered' : retriable ? 'will-retry' : 'failed',
        duplicate,
      );
      if (!retriable) {
        this.end();
        return;
      }
      const timer = this.options.timers.set(
        () => void attempt(n + 1),
        retryDelayMs(n, this.options.timeScale),
      );
      if (timer === undefined) this.end();
    };
    void attempt(1);
  }

  private post(webhook: ScenarioWebhook, body: Buffer): Promise<PostOutcome> {
    return postWebhook(webhook.requestUrl, body, webhook.secretToken, this.options.timeoutMs, this.inFlight);
  }

  private record(
    webhook: ScenarioWebhook,
    action: string,
    webhookActionId: string,
    attempt: number,
    outcome: PostOutcome,
    result: DeliveryLogEntry['outcome'],
    duplicate: boolean,
  ): void {
    this.log.push({
      webhookId: webhook.id,
      webhookType: webhook.webhookType,
      action,
      webhookActionId,
      attempt,
      requestUrl: webhook.requestUrl,
      status: 'status' in outcome ? outcome.status : null,
      error: 'error' in outcome ? outcome.error : null,
      outcome: result,
      duplicate,
      time: this.options.now(),
    });
  }

  private begin(): void {
    this.pending += 1;
  }

  private end(): void {
    if (this.closed) return;
    this.pending = Math.max(0, this.pending - 1);
    if (this.pending === 0) this.flushIdle();
  }

  private flushIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
