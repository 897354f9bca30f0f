/**
 * What operators can watch, without personal data: figures read from the database at each scrape (so
 * every instance reports the same totals), and events counted as they happen in this process.
 */
export interface CountBy {
  readonly label: string;
  readonly count: number;
}

export interface QueueFigure {
  readonly kind: string;
  readonly state: string;
  readonly count: number;
  /** When the oldest job in this state became due (epoch ms); null when there is none. */
  readonly oldestRunAt: number | null;
}

export interface MetricsFigures {
  /** Webhook deliveries by status (queued, processed, ignored). */
  readonly deliveries: readonly CountBy[];
  /** New hires by status (in review, added, deleted): what imports have produced. */
  readonly newHires: readonly CountBy[];
  readonly jobs: readonly QueueFigure[];
}

export interface MetricsSource {
  read(): Promise<MetricsFigures>;
}

/** One outbound HTTP attempt: the system called (ashby, hibob ...) and the status, or a network failure. */
export interface OutboundCallObserver {
  observe(call: { readonly system: string; readonly status: number | 'network_error' }): void;
}

export type JobResult = 'completed' | 'retried' | 'dead' | 'snoozed' | 'released';

export interface JobObserver {
  finished(job: { readonly kind: string; readonly result: JobResult; readonly durationMs: number }): void;
}
