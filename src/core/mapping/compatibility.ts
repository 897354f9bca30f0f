import type { ValueType } from '../model/new-hire-fields.js';
import type { DatumKind } from './datum.js';
import type { Transform, TransformKind } from './transform-spec.js';

/**
 * Which value kinds each transform and each target type accepts. Validation uses these tables to refuse
 * a mapping before it runs; the engine checks the same tables at run time, so the two cannot disagree.
 */

const SCALAR_KEYS: readonly DatumKind[] = ['text', 'number', 'boolean', 'date', 'select'];
const LISTS: readonly DatumKind[] = ['multiSelect', 'textList'];

export const TRANSFORM_INPUTS: Readonly<Record<TransformKind, readonly DatumKind[]>> = {
  selectLabel: ['select', 'multiSelect'],
  lookup: [...SCALAR_KEYS, ...LISTS],
  datePart: ['date', 'text'],
  number: ['text', 'number', 'select'],
  currencyAmount: ['money'],
  currencyCode: ['money', 'compensationRange'],
  join: LISTS,
  defaultWhenEmpty: [
    'text',
    'number',
    'boolean',
    'date',
    'select',
    'multiSelect',
    'money',
    'numberRange',
    'compensationRange',
    'person',
    'textList',
  ],
  rangeBound: ['numberRange', 'compensationRange'],
};

/** Kinds a target of each type can be filled from (after the rule's transform). Lists only become text. */
export const TARGET_ACCEPTS: Readonly<Record<ValueType, readonly DatumKind[]>> = {
  string: TRANSFORM_INPUTS.defaultWhenEmpty,
  email: ['text', 'select'],
  url: ['text', 'select'],
  phone: ['text', 'select'],
  currency: ['text', 'select'],
  date: ['date', 'text'],
  number: ['number', 'text', 'select'],
  person: ['person', 'text'],
};

export function transformAccepts(transform: Transform, kind: DatumKind): boolean {
  return TRANSFORM_INPUTS[transform.kind].includes(kind);
}

export function targetAccepts(type: ValueType, kind: DatumKind): boolean {
  return TARGET_ACCEPTS[type].includes(kind);
}

/** The kind a transform produces from an accepted input kind (`null` when it does not accept it). */
export function transformOutputKind(transform: Transform, input: DatumKind): DatumKind | null {
  if (!transformAccepts(transform, input)) return null;
  const isList = input === 'multiSelect' || input === 'textList';
  switch (transform.kind) {
    case 'selectLabel':
    case 'lookup':
      return isList ? 'textList' : 'text';
    case 'datePart':
      return transform.part === 'date' ? 'date' : 'number';
    case 'number':
    case 'currencyAmount':
    case 'rangeBound':
      return 'number';
    case 'currencyCode':
    case 'join':
      return 'text';
    case 'defaultWhenEmpty':
      return input;
  }
}
