import { z } from 'zod';

/**
 * The closed set of transforms a rule may apply between its source and its target. Data only: nothing
 * here can run code, and each kind says which value kinds it accepts (compatibility.ts).
 */
const selectLabel = z.strictObject({
  /** A value select's label instead of its stored value (each label for a multi-value select). */
  kind: z.literal('selectLabel'),
});

const lookup = z.strictObject({
  /** Replace a value by a table entry, matched exactly, then ignoring case. Multi-value: each value. */
  kind: z.literal('lookup'),
  entries: z
    .array(z.strictObject({ from: z.string().max(500), to: z.string().trim().min(1).max(1000) }))
    .min(1)
    .max(1000),
  /** `error` (default): a value with no entry is a field error. `keep`: the value is kept as text. */
  otherwise: z.enum(['error', 'keep']).default('error'),
});

const datePart = z.strictObject({
  /** From a date or ISO date-time text: the calendar date, or its year or month (1–12) as a number. */
  kind: z.literal('datePart'),
  part: z.enum(['date', 'year', 'month']),
});

const number = z.strictObject({
  /** Parse text into a number, allowing spaces and comma thousands separators ("85,000"). */
  kind: z.literal('number'),
});

const currencyAmount = z.strictObject({ kind: z.literal('currencyAmount') });
const currencyCode = z.strictObject({ kind: z.literal('currencyCode') });

const join = z.strictObject({
  /** A multi-value select (or a list from a label/lookup transform) as one text. */
  kind: z.literal('join'),
  separator: z.string().max(10).default(', '),
  use: z.enum(['value', 'label']).default('value'),
});

const defaultWhenEmpty = z.strictObject({
  /** An explicit constant used only when Ashby has no value; never when a value fails to convert. */
  kind: z.literal('defaultWhenEmpty'),
  value: z.union([z.string().trim().min(1).max(1000), z.number()]),
});

const rangeBound = z.strictObject({
  /** The minimum or maximum of a number range or compensation range. */
  kind: z.literal('rangeBound'),
  bound: z.enum(['min', 'max']),
});

export const transformSchema = z.discriminatedUnion('kind', [
  selectLabel,
  lookup,
  datePart,
  number,
  currencyAmount,
  currencyCode,
  join,
  defaultWhenEmpty,
  rangeBound,
]);

export type Transform = z.output<typeof transformSchema>;
export type TransformKind = Transform['kind'];
