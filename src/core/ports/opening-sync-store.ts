import type { Position } from '../model/position.js';

export interface OpeningSyncSettings {
  readonly connectionId: string;
  readonly enabled: boolean;
  /** Position custom-field titles chosen for sync. */
  readonly customFields: readonly string[];
  /** The Ashby field id of each chosen title, once found or created. */
  readonly fieldIds: Readonly<Record<string, string>>;
}

/** The opening a position became on one connection. */
export interface PublishedOpening {
  readonly positionId: string;
  readonly openingId: string;
  readonly pushedRevision: number;
  readonly closed: boolean;
}

export interface SyncRunError {
  readonly positionId: string | null;
  readonly message: string;
}

export interface SyncRun {
  readonly id: string;
  readonly connectionId: string;
  readonly status: 'running' | 'succeeded' | 'failed';
  readonly created: number;
  readonly updated: number;
  readonly closed: number;
  readonly failed: number;
  readonly errors: readonly SyncRunError[];
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

export interface OpeningSyncStore {
  /** The settings (disabled by default), or undefined when the connection does not exist. */
  settings(connectionId: string): Promise<OpeningSyncSettings | undefined>;
  saveSettings(
    connectionId: string,
    settings: { enabled: boolean; customFields: readonly string[] },
    at: number,
  ): Promise<void>;
  saveFieldIds(connectionId: string, fieldIds: Readonly<Record<string, string>>, at: number): Promise<void>;
  /** Every position (the sync decides which to publish, update or close). */
  positions(): Promise<Position[]>;
  published(connectionId: string): Promise<Map<string, PublishedOpening>>;
  recordPublished(connectionId: string, opening: PublishedOpening, at: number): Promise<void>;
  /** Starts (or, for a retried job, restarts) the run with this id. */
  startRun(run: { id: string; connectionId: string; at: number }): Promise<void>;
  finishRun(run: SyncRun): Promise<void>;
  listRuns(connectionId: string, limit: number): Promise<SyncRun[]>;
  /** Connections with opening sync enabled (the scheduler keeps one run waiting for each). */
  enabledConnections(): Promise<string[]>;
}
