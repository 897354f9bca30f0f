import type { Command } from 'commander';
import type { Principal } from '../core/auth/role.js';
import { printJson, printLine, printTable } from './output.js';
import { withContainer } from './with-container.js';

/** The CLI acts as an admin; the audit log names it "cli". */
const CLI: Principal = { kind: 'token', id: 'cli', name: 'cli', role: 'admin' };

export function documentCommands(program: Command): void {
  const documents = program
    .command('documents')
    .description("documents: the type and folder lists, settings per connection, a new hire's files");

  for (const [name, kind, label] of [
    ['types', 'type', 'document types (where the offer letter goes)'],
    ['folders', 'folder', 'folders (where the resume and other candidate files go)'],
  ] as const) {
    const list = documents.command(name).description(label);
    list
      .command('list')
      .option('--json', 'print JSON')
      .action(async (o: { json?: boolean }) => {
        const items = await withContainer((c) => c.services.documents.categories(kind));
        if (o.json) return printJson({ items });
        printTable(items.map((i) => ({ id: i.id, name: i.name })));
      });
    list.command('add <name>').action(async (entry: string) => {
      const created = await withContainer((c) =>
        c.services.documents.addCategory({ kind, name: entry, principal: CLI }),
      );
      printLine(`Added "${created.name}", id ${created.id}.`);
    });
  }

  documents
    .command('settings <connectionId>')
    .description("show or change where a connection's documents go")
    .option('--offer-letter-type <name>', 'the document type the offer letter goes to')
    // Each positive flag before its --no- form, so neither sets a default: absent means "unchanged".
    .option('--offer-letter', 'fetch offer letters again')
    .option('--no-offer-letter', 'do not fetch offer letters')
    .option('--prefer-signed', 'prefer the signed PDF (the default)')
    .option('--no-prefer-signed', 'take the unsigned PDF even when a signed one exists')
    .option('--folder <name>', 'the folder the resume and other candidate files go to')
    .option('--files', 'fetch the resume and other candidate files again')
    .option('--no-files', 'do not fetch the resume and other candidate files')
    .option('--json', 'print JSON')
    .action(
      async (
        connectionId: string,
        o: {
          offerLetterType?: string;
          offerLetter?: boolean;
          preferSigned?: boolean;
          folder?: string;
          files?: boolean;
          json?: boolean;
        },
      ) => {
        const offerLetter = {
          ...(o.offerLetterType ? { documentType: o.offerLetterType } : {}),
          ...(o.offerLetter === undefined ? {} : { enabled: o.offerLetter }),
          ...(o.preferSigned === undefined ? {} : { preferSigned: o.preferSigned }),
        };
        const candidateFiles = {
          ...(o.folder ? { folder: o.folder } : {}),
          ...(o.files === undefined ? {} : { enabled: o.files }),
        };
        const change = {
          ...(Object.keys(offerLetter).length > 0 ? { offerLetter } : {}),
          ...(Object.keys(candidateFiles).length > 0 ? { candidateFiles } : {}),
        };
        const settings = await withContainer((c) =>
          Object.keys(change).length === 0
            ? c.services.documents.settings(connectionId)
            : c.services.documents.saveSettings({ connectionId, change, principal: CLI }),
        );
        if (o.json) return printJson(settings);
        const letter = settings.offerLetter;
        printLine(
          `Offer letter: ${letter.enabled ? `to "${letter.documentType}"${letter.preferSigned ? ', the signed PDF when there is one' : ', the unsigned PDF'}` : 'off'}`,
        );
        printLine(
          `Resume and other files: ${settings.candidateFiles.enabled ? `to "${settings.candidateFiles.folder}"` : 'off'}`,
        );
      },
    );

  documents
    .command('list <newHireId>')
    .description("a new hire's documents and their status")
    .option('--json', 'print JSON')
    .action(async (newHireId: string, o: { json?: boolean }) => {
      const items = await withContainer((c) => c.services.documents.list({ newHireId }));
      if (o.json) return printJson({ items });
      printTable(
        items.map((d) => ({
          id: d.id,
          kind: d.kind,
          filedUnder: d.category.name,
          file: d.fileName,
          status: d.status,
          bytes: d.sizeBytes,
          error: d.error,
        })),
      );
    });
}
