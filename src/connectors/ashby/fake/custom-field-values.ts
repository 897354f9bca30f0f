import type { CustomFieldDefinition, CustomFieldValue } from '../schemas.js';
import { pick, randomInt, type Random } from './random.js';

/**
 * A plausible value for a custom field definition, in the polymorphic shape of §3.4 (valueLabel only for
 * (Multi)ValueSelect). Used by the generator so every field type shows up on the wire.
 */
export function customFieldValue(
  definition: CustomFieldDefinition,
  random: Random,
  baseMs: number,
): CustomFieldValue {
  const common = { id: definition.id, title: definition.title, isPrivate: definition.isPrivate ?? false };
  const options = (definition.selectableValues ?? []).filter((v) => v.isArchived !== true);
  switch (definition.fieldType) {
    case 'Boolean':
      return { ...common, value: random() < 0.5 };
    case 'Number':
      return { ...common, value: randomInt(random, 0, 20) };
    case 'Date':
      return { ...common, value: new Date(baseMs + randomInt(random, 1, 90) * 86_400_000).toISOString() };
    case 'ValueSelect': {
      const option = pick(random, options);
      return { ...common, value: option.value, valueLabel: option.label };
    }
    case 'MultiValueSelect': {
      const chosen = options.filter(() => random() < 0.5);
      const values = chosen.length > 0 ? chosen : options.slice(0, 1);
      return { ...common, value: values.map((o) => o.value), valueLabel: values.map((o) => o.label) };
    }
    case 'Currency':
      return { ...common, value: { value: randomInt(random, 1, 20) * 1000, currencyCode: 'EUR' } };
    case 'NumberRange': {
      const min = randomInt(random, 1, 8);
      return {
        ...common,
        value: { type: 'number-range', minValue: min, maxValue: min + randomInt(random, 1, 8) },
      };
    }
    case 'CompensationRange': {
      const min = randomInt(random, 50, 90) * 1000;
      return {
        ...common,
        value: {
          type: 'compensation-range',
          minValue: min,
          maxValue: min + 20_000,
          currencyCode: 'EUR',
          interval: '1 YEAR',
        },
      };
    }
    case 'Url':
      return { ...common, value: `https://portfolio.example.com/${randomInt(random, 1000, 9999)}` };
    case 'LongText':
      return { ...common, value: 'Strong systems background.\nPrefers a hybrid setup; can relocate.' };
    default:
      return { ...common, value: `value-${randomInt(random, 100, 999)}` };
  }
}
