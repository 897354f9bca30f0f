import { describe, expect, it } from 'vitest';
import { ashbyPermissionLabel } from './ashby-permission-label.js';

describe('ashbyPermissionLabel', () => {
  it("names a permission as Ashby's API key screen does, the API name in brackets", () => {
    expect(ashbyPermissionLabel('offersRead')).toBe('Offers: Read (offersRead)');
    expect(ashbyPermissionLabel('hiringProcessMetadataRead')).toBe(
      'Hiring Process: Read (hiringProcessMetadataRead)',
    );
    expect(ashbyPermissionLabel('apiKeysWrite')).toBe('API Keys: Write (apiKeysWrite)');
  });
  it('leaves an unknown name as it is', () => {
    expect(ashbyPermissionLabel('notetakerRead')).toBe('notetakerRead');
    expect(ashbyPermissionLabel('weird')).toBe('weird');
  });
});
