import { AppError, notFound } from '../core/errors/app-error.js';
import type { DocumentCategory, DocumentCategoryKind, DocumentSettings } from '../core/model/document.js';
import type { AshbyConnectionStore } from '../core/ports/ashby-connection-store.js';
import type { Clock } from '../core/ports/clock.js';
import type { DocumentStore } from '../core/ports/document-store.js';
import type { IdGenerator } from '../core/ports/id-generator.js';
import type { Actor } from './actor.js';

export interface DocumentAdminDeps {
  readonly documents: DocumentStore;
  readonly connections: Pick<AshbyConnectionStore, 'find'>;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

/** A change to a connection's document settings: any part may be left out. */
export interface DocumentSettingsChange {
  readonly offerLetter?:
    | {
        readonly enabled?: boolean | undefined;
        readonly documentType?: string | undefined;
        readonly preferSigned?: boolean | undefined;
      }
    | undefined;
  readonly candidateFiles?:
    { readonly enabled?: boolean | undefined; readonly folder?: string | undefined } | undefined;
}

const LIST_NAME: Record<DocumentCategoryKind, string> = { type: 'document type', folder: 'folder' };

export async function getDocumentSettings(
  deps: DocumentAdminDeps,
  connectionId: string,
): Promise<DocumentSettings> {
  if (!(await deps.connections.find(connectionId))) throw notFound('Ashby connection');
  return deps.documents.settings(connectionId);
}

/**
 * Saves where a connection's documents go. The document type and folder must be names from the
 * admin-defined lists (matched without case, stored as the list spells them); a bad one refuses the
 * whole change with `invalid_fields` naming it.
 */
export async function saveDocumentSettings(
  deps: DocumentAdminDeps,
  input: { connectionId: string; change: DocumentSettingsChange; actor: Actor },
): Promise<DocumentSettings> {
  const current = await getDocumentSettings(deps, input.connectionId);
  const next: DocumentSettings = {
    offerLetter: { ...current.offerLetter, ...defined(input.change.offerLetter) },
    candidateFiles: { ...current.candidateFiles, ...defined(input.change.candidateFiles) },
  };
  const problems: { field: string; message: string }[] = [];
  const resolve = async (kind: DocumentCategoryKind, name: string, field: string) => {
    const found = (await deps.documents.categories(kind)).find(
      (c) => c.name.toLowerCase() === name.trim().toLowerCase(),
    );
    if (!found) problems.push({ field, message: `is not a ${LIST_NAME[kind]}; add it to the list first` });
    return found?.name ?? name;
  };
  const documentType = await resolve('type', next.offerLetter.documentType, 'offerLetter.documentType');
  const folder = await resolve('folder', next.candidateFiles.folder, 'candidateFiles.folder');
  if (problems.length > 0) {
    throw new AppError(
      'invalid_fields',
      `Invalid document settings: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      { details: { problems } },
    );
  }
  const saved: DocumentSettings = {
    offerLetter: { ...next.offerLetter, documentType },
    candidateFiles: { ...next.candidateFiles, folder },
  };
  await deps.documents.saveSettings(input.connectionId, saved, input.actor, deps.clock.now());
  return saved;
}

export function listDocumentCategories(
  deps: Pick<DocumentAdminDeps, 'documents'>,
  kind: DocumentCategoryKind,
): Promise<DocumentCategory[]> {
  return deps.documents.categories(kind);
}

/** Adds a document type or folder; a name already in the list (in any case) is a conflict. */
export async function addDocumentCategory(
  deps: DocumentAdminDeps,
  input: { kind: DocumentCategoryKind; name: string; actor: Actor },
): Promise<DocumentCategory> {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > 100) {
    throw new AppError('validation_failed', 'name must be 1 to 100 characters', {
      details: { problems: [{ field: 'name', message: 'must be 1 to 100 characters' }] },
    });
  }
  const category: DocumentCategory = {
    id: deps.ids.newId(),
    kind: input.kind,
    name,
    createdAt: deps.clock.now(),
  };
  if (!(await deps.documents.addCategory(category, input.actor))) {
    throw new AppError('conflict', `There is already a ${LIST_NAME[input.kind]} named "${name}"`);
  }
  return category;
}

/** Drops keys given as undefined, so they do not overwrite current values. */
function defined<T extends object>(value: T | undefined): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
