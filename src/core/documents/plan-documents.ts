import type { BundleFileHandle, BundleFiles } from '../mapping/source-bundle.js';
import type { DocumentCategoryKind, DocumentKind, DocumentSettings } from '../model/document.js';

/** One document an import should keep: which Ashby file, and where it is filed. */
export interface PlannedDocument {
  readonly kind: DocumentKind;
  readonly file: BundleFileHandle;
  readonly category: { readonly kind: DocumentCategoryKind; readonly name: string };
}

/**
 * Which of a hire's Ashby files become documents under the connection's settings: one offer letter
 * (filed under the chosen document type), then the resume and every other candidate file (in the
 * chosen folder), each Ashby file once.
 */
export function planDocuments(files: BundleFiles, settings: DocumentSettings): PlannedDocument[] {
  const planned: PlannedDocument[] = [];
  if (settings.offerLetter.enabled) {
    const letter = pickOfferLetter(files.offerLetters, settings.offerLetter.preferSigned);
    if (letter)
      planned.push({
        kind: 'offer_letter',
        file: letter,
        category: { kind: 'type', name: settings.offerLetter.documentType },
      });
  }
  if (settings.candidateFiles.enabled) {
    const folder = { kind: 'folder' as const, name: settings.candidateFiles.folder };
    if (files.resume) planned.push({ kind: 'resume', file: files.resume, category: folder });
    for (const file of files.candidateFiles) planned.push({ kind: 'candidate_file', file, category: folder });
  }
  const seen = new Set<string>();
  // Ashby may list the resume among the candidate's files too: keep the first (more specific) entry.
  return planned.filter((p) => !seen.has(p.file.id) && seen.add(p.file.id));
}

/**
 * The offer letter among an offer version's files (ashby-api.md §3.3: the unsigned .pdf and .docx, plus
 * the signed .pdf once signed). Ashby marks the signed one by name only (UNCONFIRMED beyond that), so a
 * PDF whose name says "signed" (and not "unsigned") counts as signed. Without a signed one, or when it is
 * not preferred, the unsigned PDF; failing that, the first file (a .docx).
 */
export function pickOfferLetter(
  files: readonly BundleFileHandle[],
  preferSigned: boolean,
): BundleFileHandle | undefined {
  const isPdf = (f: BundleFileHandle) => /\.pdf$/i.test(f.name.trim());
  const isSigned = (f: BundleFileHandle) => /(^|[^a-z])signed/i.test(f.name) && !/unsigned/i.test(f.name);
  const signedPdf = files.find((f) => isPdf(f) && isSigned(f));
  const unsignedPdf = files.find((f) => isPdf(f) && !isSigned(f));
  if (preferSigned && signedPdf) return signedPdf;
  return unsignedPdf ?? signedPdf ?? files[0];
}
