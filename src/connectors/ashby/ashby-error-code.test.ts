import { describe, expect, it } from 'vitest';
import { envelopeError } from './ashby-call.js';

describe('envelopeError', () => {
  it('shows Ashby codes and hides free text an API may echo, such as a surname or an email', () => {
    expect(
      envelopeError('application.info', { success: false, errors: ['invalid_input'] }).details,
    ).toMatchObject({ upstreamCode: 'invalid_input' });
    for (const echoed of ['Vexlowe', 'jane.doe@example.com', 'Jane Doe already exists', 'x'.repeat(100)]) {
      const err = envelopeError('candidate.info', {
        success: false,
        errors: [echoed],
        errorInfo: { code: echoed },
      });
      expect(err.message).toBe('ashby candidate.info: Ashby error unknown');
      expect(JSON.stringify(err.details)).not.toContain(echoed.slice(0, 7));
    }
  });
});
