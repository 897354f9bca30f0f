import { AppError } from '../core/errors/app-error.js';
import type { MappingProblem } from '../core/mapping/mapping-problem.js';
import { parseMappingSpec, type MappingSpec } from '../core/mapping/mapping-spec.js';
import { validateMapping } from '../core/mapping/validate-mapping.js';
import type { AshbyGateway } from '../core/ports/ashby-gateway.js';

/** How many problems the error message spells out; `details.problems` always carries all of them. */
const PROBLEMS_IN_MESSAGE = 5;

function refused(problems: readonly MappingProblem[]): AppError {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((p) => p.message);
  const more =
    problems.length > PROBLEMS_IN_MESSAGE ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
  return new AppError(
    'validation_failed',
    `The mapping has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`,
    { details: { problems } },
  );
}

/**
 * Turns untrusted input (an API body, a CLI file) into a mapping that may be saved or previewed, or
 * refuses it with every problem named by rule: first the shape, then the meaning, checked against the
 * connection's Ashby custom fields so an id that Ashby does not know is caught before any import.
 */
export async function checkMapping(
  gateway: Pick<AshbyGateway, 'customFieldDefinitions'>,
  input: unknown,
): Promise<MappingSpec> {
  const parsed = parseMappingSpec(input);
  if (!parsed.ok) throw refused(parsed.problems);
  let problems = validateMapping(parsed.spec, {
    customFieldDefinitions: await gateway.customFieldDefinitions(),
  });
  if (problems.some((p) => p.code === 'unknown_custom_field')) {
    // Definitions are cached for minutes; a field an admin created in Ashby a moment ago is worth one fresh read.
    problems = validateMapping(parsed.spec, {
      customFieldDefinitions: await gateway.customFieldDefinitions({ fresh: true }),
    });
  }
  if (problems.length > 0) throw refused(problems);
  return parsed.spec;
}
