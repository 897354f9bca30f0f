import { describe, expect, it } from 'vitest';
import { pickPersonalContact, pickSocialLink } from './pick-contact.js';
import type { ContactEntry } from './source-bundle.js';

const e = (value: string, type: ContactEntry['type'], isPrimary = false): ContactEntry => ({
  value,
  type,
  isPrimary,
});

describe('pickPersonalContact', () => {
  it('prefers Personal, the primary one first', () => {
    expect(
      pickPersonalContact(
        [e('o@x.io', 'Other', true), e('p1@x.io', 'Personal'), e('p2@x.io', 'Personal', true)],
        null,
      ),
    ).toBe('p2@x.io');
    expect(pickPersonalContact([e('o@x.io', 'Other', true), e('p1@x.io', 'Personal')], null)).toBe('p1@x.io');
  });
  it('then the primary if it is not Work, then any other non-Work entry', () => {
    expect(
      pickPersonalContact([e('a@x.io', 'Other'), e('b@x.io', 'Other')], e('b@x.io', 'Other', true)),
    ).toBe('b@x.io');
    expect(
      pickPersonalContact([e('w@x.io', 'Work', true), e('a@x.io', 'Other')], e('w@x.io', 'Work', true)),
    ).toBe('a@x.io');
  });
  it('never returns a Work entry, even one also listed with another type', () => {
    expect(pickPersonalContact([e('w@x.io', 'Work', true)], e('w@x.io', 'Work', true))).toBeNull();
    expect(pickPersonalContact([e('W@x.io', 'Work'), e('w@x.io ', 'Other', true)], null)).toBeNull();
  });
  it('skips blank entries and trims', () => {
    expect(pickPersonalContact([e('  ', 'Personal', true), e(' a@x.io ', 'Other')], null)).toBe('a@x.io');
    expect(pickPersonalContact([], null)).toBeNull();
  });
});

describe('pickSocialLink', () => {
  it('finds a link by type, ignoring case, skipping blanks', () => {
    const links = [
      { type: 'linkedin', url: ' ' },
      { type: 'LinkedIn', url: 'https://linkedin.com/in/a' },
      { type: 'X', url: 'https://x.com/a' },
    ];
    expect(pickSocialLink(links, ['LinkedIn'])).toBe('https://linkedin.com/in/a');
    expect(pickSocialLink(links, ['Twitter', 'X'])).toBe('https://x.com/a');
    expect(pickSocialLink(links, ['GitHub'])).toBeNull();
  });
});
