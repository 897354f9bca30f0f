import { describe, expect, it } from 'vitest';
import { pushDocument } from '../kit/testing/pushed-member.js';
import { hibobSettingsSchema } from './settings.js';
import { planDocuments } from './to-documents.js';

const MB = 1024 * 1024;

describe('planDocuments', () => {
  it('sends the offer letter to the confidential folder and the resume to the shared one by default', () => {
    const { documentFolders } = hibobSettingsSchema.parse({});
    const offer = pushDocument({ kind: 'offer_letter' });
    const resume = pushDocument({ kind: 'resume' });
    const { uploads, warnings } = planDocuments([offer, resume], documentFolders);
    expect(uploads.map((u) => u.folder)).toEqual(['confidential', 'shared']);
    expect(warnings).toEqual([]);
  });

  it('keeps to 5 MB for the default folders and 1 MB for a custom folder, and says what was left out', () => {
    const { documentFolders } = hibobSettingsSchema.parse({
      documentFolders: {
        offer_letter: 'confidential',
        resume: { customFolderId: '42' },
        candidate_file: 'skip',
      },
    });
    const { uploads, warnings } = planDocuments(
      [
        pushDocument({ kind: 'offer_letter', sizeBytes: 5 * MB }),
        pushDocument({ kind: 'offer_letter', sizeBytes: 5 * MB + 1 }),
        pushDocument({ kind: 'resume', sizeBytes: 2 * MB }),
        pushDocument({ kind: 'candidate_file' }),
      ],
      documentFolders,
    );
    expect(uploads).toHaveLength(1);
    expect(warnings).toEqual([
      "offer letter not sent: larger than HiBob's 5 MB limit for this folder",
      "resume not sent: larger than HiBob's 1 MB limit for this folder",
    ]);
  });
});
