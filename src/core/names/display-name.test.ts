import { describe, expect, it } from 'vitest';
import { displayNameOf } from './display-name.js';

const of = (fields: Record<string, unknown>) => displayNameOf((key) => fields[key]);

describe('displayNameOf', () => {
  it('is first and last name, without the middle name', () => {
    expect(of({ firstName: 'José', middleName: 'María', lastName: 'Núñez' })).toBe('José Núñez');
  });
  it('keeps a single name', () => {
    expect(of({ firstName: 'Cher', lastName: '  ' })).toBe('Cher');
    expect(of({ lastName: '王' })).toBe('王');
  });
  it('falls back to the middle name, then an email, never to nothing while one exists', () => {
    expect(of({ middleName: 'María' })).toBe('María');
    expect(of({ personalEmail: 'ada@example.com', workEmail: 'ada@work.example' })).toBe('ada@example.com');
    expect(of({ workEmail: 'ada@work.example' })).toBe('ada@work.example');
    expect(of({})).toBeNull();
  });
});
