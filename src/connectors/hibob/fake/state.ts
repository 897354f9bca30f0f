import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { NamedListItem, SalaryEntry, WorkEntry } from '../schemas.js';

/** What the fake HiBob holds; tests read it through the fake's accessors. */
export const HIBOB_FAKE_PERMISSIONS = [
  'fields:read',
  'people:search',
  'people:create',
  'people:update',
  'work:write',
  'salaries:read',
  'salaries:write',
  'lists:read',
  'docs:read',
  'docs:shared',
  'docs:confidential',
  'docs:custom',
  'invitations:write',
] as const;
export type HibobFakePermission = (typeof HIBOB_FAKE_PERMISSIONS)[number];

export interface FakeDocument {
  readonly id: string;
  readonly name: string;
  /** `shared`, `confidential`, or `folder:<id>` */
  readonly folder: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly bytes: Buffer;
}

export interface FakeEmployee {
  readonly id: string;
  firstName: string;
  surname: string;
  email: string;
  lifecycleStatus: 'hired' | 'employed' | 'terminated';
  /** Everything else the create body carried (home, about, custom...), as sent. */
  readonly body: Record<string, unknown>;
  readonly workEntries: (WorkEntry & { readonly id: string })[];
  readonly salaries: SalaryEntry[];
  readonly documents: FakeDocument[];
  readonly invitations: number[];
}

const seedEmployeeSchema = z.object({
  firstName: z.string(),
  surname: z.string(),
  email: z.string(),
  privateEmail: z.string().optional(),
  site: z.string(),
  startDate: z.string(),
  title: z.string().optional(),
  department: z.string().optional(),
  lifecycleStatus: z.enum(['hired', 'employed', 'terminated']).optional(),
});
export type SeedEmployee = z.infer<typeof seedEmployeeSchema>;

const seedSchema = z.object({
  namedLists: z.record(z.string(), z.object({ name: z.string(), values: z.array(z.any()) })),
  welcomeWizards: z.array(z.object({ id: z.number(), name: z.string() })),
  employees: z.array(seedEmployeeSchema),
});
export type HibobSeed = z.infer<typeof seedSchema>;

export function loadDefaultSeed(): HibobSeed {
  const url = new URL('../fixtures/company.json', import.meta.url);
  return seedSchema.parse(JSON.parse(readFileSync(url, 'utf8')));
}

export class HibobFakeState {
  readonly employees = new Map<string, FakeEmployee>();
  readonly serviceUsers = new Map<string, { token: string; permissions: Set<HibobFakePermission> }>();
  private nextId = 3_000_001;

  constructor(readonly seed: HibobSeed) {
    for (const e of seed.employees) this.addEmployee(e);
  }

  newId(): string {
    return String(this.nextId++);
  }

  listItems(listName: string): NamedListItem[] {
    return (this.seed.namedLists[listName]?.values ?? []) as NamedListItem[];
  }

  addEmployee(e: SeedEmployee): FakeEmployee {
    const id = this.newId();
    const employee: FakeEmployee = {
      id,
      firstName: e.firstName,
      surname: e.surname,
      email: e.email,
      lifecycleStatus: e.lifecycleStatus ?? 'employed',
      body: e.privateEmail ? { home: { privateEmail: e.privateEmail } } : {},
      workEntries: [
        {
          id: this.newId(),
          effectiveDate: e.startDate,
          site: e.site,
          ...(e.title ? { title: e.title } : {}),
          ...(e.department ? { department: e.department } : {}),
        },
      ],
      salaries: [],
      documents: [],
      invitations: [],
    };
    this.employees.set(id, employee);
    return employee;
  }

  byEmail(email: string): FakeEmployee | undefined {
    const wanted = email.toLowerCase();
    return [...this.employees.values()].find((e) => e.email.toLowerCase() === wanted);
  }
}

/** The entry in force: the latest effective date, the later-posted one on a tie. */
export function currentWork(employee: FakeEmployee): WorkEntry | undefined {
  return [...employee.workEntries].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)).at(-1);
}

export function hasListItem(items: readonly NamedListItem[], id: string): boolean {
  return items.some((i) => (!i.archived && i.id === id) || hasListItem(i.children ?? [], id));
}

export function hasListLabel(items: readonly NamedListItem[], label: string): boolean {
  return items.some(
    (i) => (!i.archived && (i.value ?? i.name) === label) || hasListLabel(i.children ?? [], label),
  );
}
