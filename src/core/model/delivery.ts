/** A received webhook as operators see it in the delivery log. */
export interface DeliveryView {
  readonly id: string;
  readonly connectionId: string;
  readonly actionKey: string;
  readonly action: string;
  readonly applicationId: string | null;
  readonly status: 'queued' | 'processed' | 'ignored';
  readonly outcome: string | null;
  readonly receivedAt: number;
  readonly processedAt: number | null;
}
