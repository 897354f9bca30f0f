import { describe, expect, it } from 'vitest';
import type { NewHire } from '../model/new-hire.js';
import { composeMessage, noticeOf } from './compose-notice.js';

const field = (value: string | null) => ({
  value,
  source: { ruleId: 'r', description: 'd', usedDefault: false },
});
const hire = (fields: Record<string, string | null>): NewHire =>
  ({
    id: 'nh-1',
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v)])),
  }) as unknown as NewHire;

describe('notices', () => {
  it('names the new hire, the job and the start date, and links to the inbox entry', () => {
    const notice = noticeOf(
      hire({
        firstName: 'Ada',
        lastName: 'Lovelace',
        jobTitle: 'Engineer',
        employmentStartDate: '2026-09-01',
      }),
      'https://hb.example.com/',
    );
    expect(notice).toEqual({
      newHireId: 'nh-1',
      name: 'Ada Lovelace',
      jobTitle: 'Engineer',
      startDate: '2026-09-01',
      link: 'https://hb.example.com/new-hires/nh-1',
    });
    expect(composeMessage(notice)).toEqual({
      subject: 'New hire: Ada Lovelace, Engineer',
      text: 'Ada Lovelace was hired as Engineer and starts on 2026-09-01.\n\nReview the new hire in HireBridge: https://hb.example.com/new-hires/nh-1',
    });
  });

  it('says what is not known yet instead of printing blanks', () => {
    const message = composeMessage(
      noticeOf(hire({ firstName: null, jobTitle: null }), 'http://127.0.0.1:3000'),
    );
    expect(message.subject).toBe('New hire: A new hire, a job not yet known');
    expect(message.text).toContain('has no start date yet');
  });

  it('keeps a name to one line, so it cannot add lines to an email subject', () => {
    const message = composeMessage(
      noticeOf(hire({ firstName: 'Eve\r\nBcc: all@example.com', lastName: 'X\u0000' }), 'https://hb'),
    );
    expect(message.subject).toBe('New hire: Eve Bcc: all@example.com X, a job not yet known');
    expect(message.subject).not.toMatch(/[\r\n\u0000]/);
  });
});
