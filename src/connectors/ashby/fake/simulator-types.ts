import type {
  Application,
  ApplicationStatus,
  AshbyPermission,
  Candidate,
  Offer,
  Opening,
  WebhookSetting,
} from '../schemas.js';
import type { HireOptions, HireResult } from './actions.js';
import type { CallLogEntry } from './call-log.js';
import type { Knobs, PartialKnobs } from './knobs.js';
import type { NewApplication, NewCandidate } from './record-actions.js';
import type { Random } from './random.js';
import type { DeliveryLogEntry } from './webhook-sender.js';

export interface AshbySimulatorOptions {
  /** A scenario object (validated) or the path of a scenario JSON file. Default: generateCompany({ seed }). */
  scenario?: unknown;
  scenarioFile?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Extra API keys on top of the scenario's. */
  apiKeys?: readonly { key: string; permissions: readonly AshbyPermission[]; title?: string }[];
  knobs?: PartialKnobs;
  /** Multiplies webhook retry delays: 0.001 turns Ashby's 10 s first retry into 10 ms. Default 1. */
  timeScale?: number;
  /** How long a webhook receiver may take to answer (real ms). Default 10 000. */
  webhookTimeoutMs?: number;
  /** Seed of the default PRNG (default 1). Ignored when `random` is given. */
  seed?: number;
  random?: Random;
  /** Clock for timestamps, rate-limit windows and URL expiry. Default Date.now. */
  now?: () => number;
}

export interface SimulatorStats {
  calls: { total: number; byEndpoint: Record<string, number>; byStatus: Record<string, number> };
  callsLog: readonly CallLogEntry[];
  deliveries: readonly DeliveryLogEntry[];
  pendingDeliveries: number;
}

export interface AshbySimulator {
  /** Base URL, e.g. http://127.0.0.1:41234 (API endpoints are `${url}/<category>.<method>`). */
  readonly url: string;
  readonly port: number;
  /** All API keys currently known (enabled or not). */
  readonly apiKeys: readonly string[];
  readonly knobs: Knobs;
  readonly calls: readonly CallLogEntry[];
  readonly deliveriesLog: readonly DeliveryLogEntry[];

  hire(applicationId: string, options?: HireOptions): HireResult;
  /** Ashby deletes the candidate and its applications, then sends candidateDelete. */
  deleteCandidate(candidateId: string): { webhookActionId: string };
  /** Ashby merges `deletedId` into `mergedId` (applications move), then sends candidateMerge. */
  mergeCandidates(deletedId: string, mergedId: string): { webhookActionId: string };
  updateOfferStartDate(
    applicationId: string,
    startDate: string,
  ): { offer: Offer; webhookActionIds: string[] };
  setApplicationStatus(
    applicationId: string,
    status: ApplicationStatus,
  ): { webhookActionId: string; application: Application };
  addCandidate(input: NewCandidate): Candidate;
  addApplication(input: NewApplication): Application;
  addApiKey(
    key: string,
    permissions: Iterable<AshbyPermission>,
    options?: { title?: string; enabled?: boolean },
  ): void;
  /** Same as webhook.create over the API: pings, and stores the webhook disabled when the ping fails. */
  createWebhook(input: {
    webhookType: string;
    requestUrl: string;
    secretToken: string;
  }): Promise<WebhookSetting>;

  /** Application as Ashby would serve it (no HTTP, not counted). */
  application(applicationId: string): Application | undefined;
  applicationIds(filter?: { status?: ApplicationStatus }): string[];
  /** Every opening as Ashby would serve it (no HTTP, not counted). */
  openings(): Opening[];

  setKnobs(update: PartialKnobs | Record<string, unknown>): Knobs;
  callCount(endpoint?: string): number;
  /** Clears the call log, the delivery log and the per-key rate-limit windows. */
  resetCounters(): void;
  stats(): SimulatorStats;
  /** Invalidates every sync token handed out so far (they then answer `sync_token_expired`). */
  expireSyncTokens(): void;

  /** Resolves when no webhook delivery is in flight or waiting for a retry. */
  idle(): Promise<void>;
  /** Like idle() but gives up after `timeoutMs`: true when idle was reached. */
  idleWithin(timeoutMs: number): Promise<boolean>;
  /** Stops the server, cancels pending retries, clears every timer. */
  close(): Promise<void>;
}
