import fs from 'node:fs';
import type { Command } from 'commander';
import type { MappingView } from '../app/get-mapping.js';
import type { MappingPreview } from '../app/preview-mapping.js';
import { isAppError } from '../core/errors/app-error.js';
import type { MappingProblem } from '../core/mapping/mapping-problem.js';
import { isCustomFieldSource, type MappingRule } from '../core/mapping/mapping-spec.js';
import { isCanonicalFieldKey } from '../core/model/new-hire-fields.js';
import { printJson, printLine, printTable } from './output.js';
import { UsageError } from './usage-error.js';
import { withContainer } from './with-container.js';

/** The CLI acts as an admin; the audit log names it "cli". */
const CLI_ACTOR = 'cli';

const display = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
};

function sourceText(rule: MappingRule): string {
  const { source } = rule;
  return isCustomFieldSource(source)
    ? `${source.customField.object} custom field ${source.customField.fieldId}`
    : source;
}

/**
 * A mapping file: the mapping itself ({version, rules, customTargets}), or what `mapping show --json`
 * printed, whose `mapping` property is the mapping, so show → edit → set needs no reshaping.
 */
function readMappingFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof json === 'object' && json !== null && !('rules' in json) && 'mapping' in json)
    return json.mapping;
  return json;
}

/** Runs `work`; a refused mapping prints every problem and sets exit status 2 instead of throwing. */
async function reportingProblems(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    const problems =
      isAppError(err) && err.code === 'validation_failed'
        ? (err.details?.['problems'] as MappingProblem[] | undefined)
        : undefined;
    if (!problems) throw err;
    process.stderr.write(
      `The mapping was refused (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`,
    );
    for (const p of problems) {
      const where = p.ruleId !== null && !p.message.includes(`'${p.ruleId}'`) ? `rule '${p.ruleId}': ` : '';
      process.stderr.write(`  ${where}${p.message}  [${p.code}]\n`);
    }
    process.exitCode = 2;
  }
}

function printMapping(view: MappingView): void {
  printLine(
    view.revision === null
      ? `Mapping of connection ${view.connectionId}: the built-in default (never changed).`
      : `Mapping of connection ${view.connectionId}: revision ${view.revision}, saved ${new Date(view.savedAt ?? 0).toISOString()} by ${view.savedBy ?? 'unknown'}.`,
  );
  printLine('Rules:');
  printTable(
    view.spec.rules.map((r) => ({
      id: r.id,
      enabled: r.enabled ? 'yes' : 'no',
      target: r.target,
      source: sourceText(r),
      transform: r.transform ? JSON.stringify(r.transform) : '',
    })),
  );
  printLine('Custom targets:');
  printTable(
    view.spec.customTargets.map((t) => ({
      key: t.key,
      label: t.label,
      section: t.section,
      type: t.type,
      required: t.required ? 'yes' : 'no',
    })),
  );
}

/** The shape GET /api/v1/connections/:id/mapping answers, so scripts can use either. */
function mappingJson(view: MappingView) {
  return {
    connectionId: view.connectionId,
    revision: view.revision,
    isDefault: view.revision === null,
    savedAt: view.savedAt === null ? null : new Date(view.savedAt).toISOString(),
    savedBy: view.savedBy,
    mapping: view.spec,
    targets: view.targets.map((t) => ({
      key: t.key,
      label: t.label,
      section: t.section,
      type: t.type,
      required: t.required,
      custom: !isCanonicalFieldKey(t.key),
    })),
  };
}

function printPreview(p: MappingPreview, what: string): void {
  printLine(
    `Preview of ${what} on Ashby application ${p.applicationId}${p.newHireId ? ` (new hire ${p.newHireId})` : ''}; nothing was saved.`,
  );
  for (const [key, field] of Object.entries(p.fields)) {
    printLine(
      `  ${key.padEnd(20)} ${display(field.value).padEnd(32)} ${field.error ? `! ${field.error.message}` : `(${field.source.description})`}`,
    );
  }
  printLine(
    p.missingRequired.length > 0
      ? `Missing required: ${p.missingRequired.join(', ')}`
      : 'Every required field has a value.',
  );
}

export function mappingCommands(program: Command): void {
  const mapping = program
    .command('mapping')
    .description('the field mapping of an Ashby connection: show, change, preview');
  mapping
    .command('show')
    .description('print the mapping in force (rules and custom target fields)')
    .requiredOption('--connection <id>', 'connection id')
    .option('--json', 'print JSON, as GET /api/v1/connections/:id/mapping answers')
    .action(async (o: { connection: string; json?: boolean }) => {
      const view = await withContainer((c) => c.services.getMapping(o.connection));
      if (o.json) return printJson(mappingJson(view));
      printMapping(view);
    });
  mapping
    .command('set <file>')
    .description(
      'replace the mapping with the one in a JSON file; an invalid one is refused with every problem (exit status 2)',
    )
    .requiredOption('--connection <id>', 'connection id')
    .action(async (file: string, o: { connection: string }) => {
      const input = readMappingFile(file);
      await reportingProblems(async () => {
        const { before, after } = await withContainer(async (c) => {
          const current = await c.services.getMapping(o.connection);
          const saved = await c.services.saveMapping({
            connectionId: o.connection,
            mapping: input,
            actor: CLI_ACTOR,
          });
          return { before: current.revision, after: saved.revision };
        });
        printLine(
          before === after
            ? `Unchanged: revision ${after ?? 'default'} already is this mapping.`
            : `Saved revision ${after ?? '?'} of the mapping of connection ${o.connection}. It applies to hires imported from now on.`,
        );
      });
    });
  mapping
    .command('preview')
    .description('what a mapping makes of one real hire, read from Ashby now, without saving anything')
    .requiredOption('--connection <id>', 'connection id')
    .option('--application <id>', 'an Ashby application id (Hired)')
    .option('--new-hire <id>', 'a new hire id (its Ashby application)')
    .option('--file <file>', 'preview this mapping file instead of the saved mapping')
    .option('--json', 'print JSON')
    .action(
      async (o: {
        connection: string;
        application?: string;
        newHire?: string;
        file?: string;
        json?: boolean;
      }) => {
        if ((o.application === undefined) === (o.newHire === undefined))
          throw new UsageError('Give exactly one of --application and --new-hire');
        const subject =
          o.application !== undefined ? { applicationId: o.application } : { newHireId: o.newHire ?? '' };
        const input = o.file === undefined ? undefined : readMappingFile(o.file);
        await reportingProblems(async () => {
          const preview = await withContainer((c) =>
            c.services.previewMapping({
              connectionId: o.connection,
              subject,
              ...(input === undefined ? {} : { mapping: input }),
            }),
          );
          if (o.json) return printJson(preview);
          const what = preview.unsaved
            ? `the mapping in ${o.file ?? 'the file'} (not saved)`
            : preview.revision === null
              ? 'the default mapping'
              : `saved revision ${preview.revision}`;
          printPreview(preview, what);
        });
      },
    );
  mapping
    .command('fields')
    .description('the Ashby custom fields a rule can read, with ids, types and options')
    .requiredOption('--connection <id>', 'connection id')
    .option('--fresh', 'read customField.list from Ashby again instead of the few-minute cache')
    .option('--json', 'print JSON')
    .action(async (o: { connection: string; fresh?: boolean; json?: boolean }) => {
      const fields = await withContainer((c) =>
        c.services.listAshbyFields({ connectionId: o.connection, fresh: o.fresh === true }),
      );
      if (o.json) return printJson({ items: fields });
      printTable(
        fields.map((f) => ({
          id: f.id,
          object: f.source?.customField.object ?? `${f.objectType} (not mappable)`,
          type: f.fieldType,
          title: f.isArchived ? `${f.title} (archived)` : f.title,
          options: (f.selectableValues ?? [])
            .map((v) => (v.label === v.value ? v.value : `${v.value}=${v.label}`))
            .join(', '),
        })),
      );
    });
}
