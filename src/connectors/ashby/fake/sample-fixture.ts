import { fileURLToPath } from 'node:url';

/** Path of the hand-written sample scenario, for tests, the demo and `main.ts --scenario`. */
export const SAMPLE_COMPANY_PATH = fileURLToPath(new URL('../fixtures/sample-company.json', import.meta.url));

/** Keys and ids of the sample scenario that tests and demos refer to. */
export const SAMPLE_KEYS = {
  full: 'sample_full_key',
  noOffers: 'sample_no_offers_key',
  candidatesOnly: 'sample_candidates_only_key',
  disabled: 'sample_disabled_key',
} as const;
