import { describe, expect, it } from 'vitest';
import type { BundleFiles } from '../mapping/source-bundle.js';
import { DEFAULT_DOCUMENT_SETTINGS, type DocumentSettings } from '../model/document.js';
import { pickOfferLetter, planDocuments } from './plan-documents.js';

const file = (id: string, name: string) => ({ id, name, handle: `h-${id}` });
const LETTER_PDF = file('l1', 'Offer Letter.pdf');
const LETTER_DOCX = file('l2', 'Offer Letter.docx');
const SIGNED = file('l3', 'Offer Letter (signed).pdf');
const RESUME = file('r', 'CV.pdf');
const COVER = file('c', 'Cover letter.docx');

const files: BundleFiles = {
  resume: RESUME,
  candidateFiles: [COVER, RESUME],
  offerLetters: [LETTER_PDF, LETTER_DOCX, SIGNED],
};

describe('pickOfferLetter', () => {
  it('prefers the signed PDF when asked and present', () => {
    expect(pickOfferLetter([LETTER_PDF, LETTER_DOCX, SIGNED], true)).toBe(SIGNED);
  });
  it('takes the unsigned PDF when the signed one is not preferred or absent', () => {
    expect(pickOfferLetter([LETTER_PDF, LETTER_DOCX, SIGNED], false)).toBe(LETTER_PDF);
    expect(pickOfferLetter([LETTER_DOCX, LETTER_PDF], true)).toBe(LETTER_PDF);
  });
  it('does not mistake "unsigned" for signed', () => {
    const unsigned = file('u', 'Offer - unsigned.pdf');
    expect(pickOfferLetter([unsigned, SIGNED], true)).toBe(SIGNED);
    expect(pickOfferLetter([unsigned], true)).toBe(unsigned);
  });
  it('falls back to the only file, or nothing', () => {
    expect(pickOfferLetter([LETTER_DOCX], true)).toBe(LETTER_DOCX);
    expect(pickOfferLetter([], true)).toBeUndefined();
  });
});

describe('planDocuments', () => {
  it('files the offer letter under the type and the resume and other files in the folder, each file once', () => {
    expect(
      planDocuments(files, DEFAULT_DOCUMENT_SETTINGS).map((p) => [
        p.kind,
        p.file.id,
        p.category.kind,
        p.category.name,
      ]),
    ).toEqual([
      ['offer_letter', 'l3', 'type', 'Offer letter'],
      ['resume', 'r', 'folder', 'Hiring documents'],
      ['candidate_file', 'c', 'folder', 'Hiring documents'],
    ]);
  });

  it('follows the connection settings, each part switchable off', () => {
    const custom: DocumentSettings = {
      offerLetter: { enabled: true, documentType: 'Contract', preferSigned: false },
      candidateFiles: { enabled: false, folder: 'Hiring documents' },
    };
    expect(planDocuments(files, custom).map((p) => [p.kind, p.file.id, p.category.name])).toEqual([
      ['offer_letter', 'l1', 'Contract'],
    ]);
    const noLetter = {
      ...DEFAULT_DOCUMENT_SETTINGS,
      offerLetter: { ...DEFAULT_DOCUMENT_SETTINGS.offerLetter, enabled: false },
    };
    expect(planDocuments(files, noLetter).map((p) => p.kind)).toEqual(['resume', 'candidate_file']);
  });
});
