import type { PushDocument } from '../../core/ports/destination.js';
import { DOCUMENT_LIMIT_BYTES, type DocumentFolder } from './schemas.js';
import type { HibobSettings } from './settings.js';

/** Which document goes to which Bob folder, and which cannot go at all (pure; the upload is in client.ts). */
export interface DocumentUpload {
  readonly document: PushDocument;
  readonly folder: DocumentFolder;
}

const KIND_WORDS: Readonly<Record<PushDocument['kind'], string>> = {
  offer_letter: 'offer letter',
  resume: 'resume',
  candidate_file: 'candidate file',
};

export function planDocuments(
  documents: readonly PushDocument[],
  folders: HibobSettings['documentFolders'],
): { uploads: DocumentUpload[]; warnings: string[] } {
  const uploads: DocumentUpload[] = [];
  const warnings: string[] = [];
  for (const document of documents) {
    const folder = folders[document.kind];
    if (folder === 'skip') continue;
    const limit =
      typeof folder === 'string' ? DOCUMENT_LIMIT_BYTES.standard : DOCUMENT_LIMIT_BYTES.customFolder;
    if (document.sizeBytes > limit) {
      warnings.push(
        `${KIND_WORDS[document.kind]} not sent: larger than HiBob's ${limit / (1024 * 1024)} MB limit for this folder`,
      );
      continue;
    }
    uploads.push({ document, folder });
  }
  return { uploads, warnings };
}

export function documentWords(document: PushDocument): string {
  return KIND_WORDS[document.kind];
}
