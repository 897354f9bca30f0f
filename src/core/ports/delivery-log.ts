import type { DeliveryView } from '../model/delivery.js';
import type { LogWindow } from '../model/log-window.js';

export interface DeliveryFilter extends LogWindow {
  readonly connectionId?: string;
  /** Ashby's webhook action, e.g. `candidateHire`. */
  readonly action?: string;
  readonly status?: DeliveryView['status'];
}

/** The new hire an application became, for the delivery log's links. */
export interface DeliveryHire {
  readonly connectionId: string;
  readonly applicationId: string;
  readonly newHireId: string;
  readonly name: string | null;
}

/** The webhook delivery log as admins read it. */
export interface DeliveryLog {
  list(filter: DeliveryFilter): Promise<DeliveryView[]>;
  find(id: string): Promise<DeliveryView | undefined>;
  /** The new hires of these applications, in one read. */
  hiresOf(
    applications: readonly { readonly connectionId: string; readonly applicationId: string }[],
  ): Promise<DeliveryHire[]>;
}
