import type { ContactInfo, SocialLink } from '../schemas.js';
import { pick, randomInt, type Random } from './random.js';

/** Names and contact details for generated candidates: varied scripts and shapes, valid emails. */

const FIRST = [
  'Anna',
  'Lukas',
  'Sofia',
  'Mateo',
  'Amara',
  'Kenji',
  'Zoë',
  'Łukasz',
  'Søren',
  'Aisha',
  'José',
  'Mei',
  'Olumide',
  'Freya',
  'Ravi',
  'Ingrid',
  'Thanh',
  'Noah',
  'Elif',
  'Diego',
];
const LAST = [
  'Müller',
  'García',
  'Okonkwo',
  'Tanaka',
  'Kowalski',
  'Nguyễn',
  'O’Brien',
  'Haddad',
  'Silva',
  'Johansson',
  'Patel',
  'Rossi',
  'van Dijk',
  'Smith',
  'Yılmaz',
  'Dubois',
  'Kim',
  'Andersen',
  'de la Cruz',
  'Novak',
];

export interface Person {
  name: string;
  emailAddresses: ContactInfo[];
  phoneNumbers: ContactInfo[];
  socialLinks: SocialLink[];
}

export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/[^A-Za-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .toLowerCase();
}

/** Person number `index`: unique email; most have a Personal primary email, some also Work/Other ones. */
export function generatePerson(random: Random, index: number): Person {
  const first = pick(random, FIRST);
  const last = pick(random, LAST);
  const name = `${first} ${last}`;
  const slug = asciiSlug(name) || `candidate${index}`;
  const emails: ContactInfo[] = [
    { value: `${slug}.${index}@mail.example`, type: 'Personal', isPrimary: true },
  ];
  if (random() < 0.3)
    emails.push({ value: `${slug}@previous-employer.example`, type: 'Work', isPrimary: false });
  if (random() < 0.1)
    emails.push({ value: `${slug}.alt${index}@other.example`, type: 'Other', isPrimary: false });
  const phones: ContactInfo[] =
    random() < 0.9
      ? [
          {
            value: `+4915${String(randomInt(random, 10_000_000, 99_999_999))}`,
            type: 'Personal',
            isPrimary: true,
          },
        ]
      : [];
  const links: SocialLink[] = [
    { type: 'LinkedIn', url: `https://www.linkedin.com/in/${slug.replace(/\./g, '-')}-${index}` },
  ];
  if (random() < 0.3)
    links.push({ type: 'Twitter', url: `https://twitter.com/${slug.replace(/\./g, '_')}${index}` });
  if (random() < 0.2)
    links.push({ type: 'GitHub', url: `https://github.com/${slug.replace(/\./g, '-')}${index}` });
  return { name, emailAddresses: emails, phoneNumbers: phones, socialLinks: links };
}
