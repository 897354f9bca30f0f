import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { namedItemSchema, type HumaansScope } from '../schemas.js';

/** What the fake Humaans holds; tests read it through the fake's accessors. */
export type FakeRow = Record<string, unknown> & { readonly id: string };

const seedPersonSchema = z.looseObject({
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  personalEmail: z.string().optional(),
  employmentStartDate: z.string().optional(),
  status: z.enum(['active', 'offboarded', 'new_hire']).optional(),
});
export type SeedPerson = z.infer<typeof seedPersonSchema>;

const seedSchema = z.object({
  locations: z.array(namedItemSchema),
  compensationTypes: z.array(namedItemSchema),
  documentTypes: z.array(namedItemSchema),
  customFields: z.array(namedItemSchema),
  people: z.array(seedPersonSchema),
});
export type HumaansSeed = z.infer<typeof seedSchema>;

export function loadDefaultSeed(): HumaansSeed {
  const url = new URL('../fixtures/company.json', import.meta.url);
  return seedSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

export type Collection = 'people' | 'job-roles' | 'compensations' | 'documents' | 'custom-values';

export class HumaansFakeState {
  readonly tokens = new Map<string, Set<HumaansScope>>();
  readonly rows: Record<Collection, FakeRow[]> = {
    people: [],
    'job-roles': [],
    compensations: [],
    documents: [],
    'custom-values': [],
  };
  private nextId = 1;

  constructor(readonly seed: HumaansSeed) {
    for (const p of seed.people) this.addPerson(p);
  }

  newId(prefix: string): string {
    return `${prefix}_${String(this.nextId++).padStart(6, '0')}`;
  }

  addPerson(person: SeedPerson): FakeRow {
    const row: FakeRow = { status: 'active', ...person, id: this.newId('person') };
    this.rows.people.push(row);
    return row;
  }

  insert(collection: Collection, body: Record<string, unknown>): FakeRow {
    const row: FakeRow = { ...body, id: this.newId(collection.replace(/s$/, '').replace('-', '_')) };
    this.rows[collection].push(row);
    return row;
  }

  /** Merges `changes` into a person (PATCH): the fields given replace theirs, the others stay. */
  patchPerson(id: string, changes: Record<string, unknown>): FakeRow {
    const index = this.rows.people.findIndex((p) => p.id === id);
    const row: FakeRow = { ...this.rows.people[index], ...changes, id };
    this.rows.people[index] = row;
    return row;
  }

  person(id: unknown): FakeRow | undefined {
    return this.rows.people.find((p) => p.id === id);
  }

  personByEmail(email: string): FakeRow | undefined {
    const wanted = email.toLowerCase();
    return this.rows.people.find((p) => String(p['email']).toLowerCase() === wanted);
  }
}
