import type { AshbySimulator } from '../../../src/connectors/ashby/fake/simulator.js';
import { signedDelivery, type SignedDelivery } from './ashby-deliveries.js';

/** Ashby's fan-out of one hire: candidateHire, applicationUpdate, candidateStageChange under one id. */
export function hireFanOut(
  sim: AshbySimulator,
  secret: string,
  applicationId: string,
  webhookActionId: string,
): SignedDelivery[] {
  const application = sim.application(applicationId);
  if (!application) throw new Error(`the simulator has no application ${applicationId}`);
  return ['candidateHire', 'applicationUpdate', 'candidateStageChange'].map((action) =>
    signedDelivery(secret, { webhookActionId, action, data: { application } }),
  );
}

/** Applications of the simulator with a given status. */
export function applicationsWith(sim: AshbySimulator, status: 'Hired' | 'Active' | 'Archived'): string[] {
  return sim.applicationIds({ status });
}
