import type {
  AddedDestinationResponse,
  DestinationMappingResponse,
  DestinationPreviewResponse,
  DestinationResponse,
  DestinationSettingsResponse,
  DestinationTypeResponse,
  MappingRuleResponse,
  PushResponse,
} from '../../../../src/contract/destinations';

export type {
  AddedDestinationResponse,
  DestinationMappingResponse,
  DestinationPreviewResponse,
  DestinationResponse,
  DestinationSettingsResponse,
  DestinationTypeResponse,
  MappingRuleResponse,
  PushResponse,
};

export const DESTINATIONS_PATH = '/api/v1/destinations';

export const PUSH_STATUS_TEXT: Record<PushResponse['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  paused: 'Paused',
};

/** A credential key as a label: "signingSecret" → "Signing secret", "url" → "URL". */
export function keyLabel(key: string): string {
  if (/^url$/i.test(key)) return 'URL';
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return (
    words.charAt(0).toUpperCase() +
    words
      .slice(1)
      .replace(/\burl\b/g, 'URL')
      .replace(/\bapi\b/g, 'API')
  );
}
