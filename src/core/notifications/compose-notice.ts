import type { NewHire } from '../model/new-hire.js';
import { displayNameOf } from '../names/display-name.js';
import type { NewHireNotice } from '../model/notification.js';

/**
 * A field as one line of text: control characters (line breaks included) become spaces, so a name
 * cannot add lines to an email subject or forge lines in a message.
 */
const text = (value: unknown): string | null => {
  const line = typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() : '';
  return line === '' ? null : line;
};

/** The inbox entry of a new hire, under PUBLIC_URL (the admin app serves it; the API has /api/v1/new-hires/:id). */
export const inboxLink = (publicUrl: string, newHireId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/new-hires/${encodeURIComponent(newHireId)}`;

/** Name, job and start date of a new hire for a notification; "A new hire" when the name is empty. */
export function noticeOf(newHire: NewHire, publicUrl: string): NewHireNotice {
  const value = (key: string) => text(newHire.fields[key]?.value);
  // The same name the admin app shows in the list and on the review page.
  const name = displayNameOf((key) => text(newHire.fields[key]?.value));
  return {
    newHireId: newHire.id,
    name: name ?? 'A new hire',
    jobTitle: value('jobTitle'),
    startDate: value('employmentStartDate'),
    link: inboxLink(publicUrl, newHire.id),
  };
}

export interface ComposedMessage {
  readonly subject: string;
  readonly text: string;
}

/** The email and Slack text: who, which job, when they start, and where to review them. */
export function composeMessage(notice: NewHireNotice): ComposedMessage {
  const job = notice.jobTitle ?? 'a job not yet known';
  const start = notice.startDate ? `starts on ${notice.startDate}` : 'has no start date yet';
  return {
    subject: `New hire: ${notice.name}, ${job}`,
    text: [
      `${notice.name} was hired as ${job} and ${start}.`,
      '',
      `Review the new hire in HireBridge: ${notice.link}`,
    ].join('\n'),
  };
}
