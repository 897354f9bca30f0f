import { candidateEndpoints } from './candidate-endpoints.js';
import type { EndpointTable } from './endpoint.js';
import { metadataEndpoints } from './metadata-endpoints.js';
import { offerEndpoints } from './offer-endpoints.js';
import { openingEndpoints } from './opening-endpoints.js';
import { openingFieldEndpoints } from './opening-field-endpoints.js';
import { organizationEndpoints } from './organization-endpoints.js';
import { webhookEndpoints } from './webhook-endpoints.js';

/** Every endpoint the simulator answers, by `<category>.<method>`. */
export const ALL_ENDPOINTS: EndpointTable = {
  ...candidateEndpoints,
  ...offerEndpoints,
  ...organizationEndpoints,
  ...metadataEndpoints,
  ...webhookEndpoints,
  ...openingEndpoints,
  ...openingFieldEndpoints,
};
