import type { PositionImportReport } from '../app/import-positions.js';
import type { PositionInput, PositionView } from '../app/positions.js';
import type { Principal } from '../core/auth/role.js';
import type { PositionStatus } from '../core/model/position.js';
import type { OpeningSyncSettings, SyncRun } from '../core/ports/opening-sync-store.js';

/** Positions of the directory and their opening sync to Ashby (PRODUCT.md C10). */
export interface OpeningServices {
  listPositions(filter: { status?: PositionStatus; limit: number }): Promise<PositionView[]>;
  getPosition(id: string): Promise<PositionView>;
  createPosition(input: { position: PositionInput; principal: Principal }): Promise<PositionView>;
  updatePosition(input: { id: string; changes: PositionInput; principal: Principal }): Promise<PositionView>;
  closePosition(input: { id: string; reason: string; principal: Principal }): Promise<PositionView>;
  importPositions(input: { csv: string; principal: Principal }): Promise<PositionImportReport>;
  saveSyncSettings(input: {
    connectionId: string;
    enabled: boolean;
    customFields?: readonly string[];
    principal: Principal;
  }): Promise<OpeningSyncSettings>;
  requestSync(input: { connectionId: string; principal: Principal }): Promise<{ runId: string }>;
  syncStatus(connectionId: string): Promise<{ settings: OpeningSyncSettings; runs: SyncRun[] }>;
}
