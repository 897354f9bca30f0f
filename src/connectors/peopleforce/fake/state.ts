import type { EmployeeBody, NamedItem, PositionBody, SalaryBody } from '../schemas.js';

/**
 * What the PeopleForce fake holds, and PeopleForce's rules on it (hris-apis.md §4): new employees are in
 * status `hired`; work email, personal email and personal phone are unique across every employee
 * (§4.3, a clash is a 422); positions, salaries and documents hang off an employee.
 */
export interface FakeEmployee extends EmployeeBody {
  readonly id: number;
  status: 'hired' | 'employed' | 'probation' | 'terminated';
}

export interface FakeDocument {
  readonly id: number;
  readonly folderId: number;
  readonly name: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

export type ReferenceListName = 'positions' | 'departments' | 'locations' | 'document_folders';

export class PeopleforceState {
  private nextId = 1000;
  readonly employees = new Map<number, FakeEmployee>();
  readonly positions = new Map<number, (PositionBody & { id: number })[]>();
  readonly salaries = new Map<number, (SalaryBody & { id: number })[]>();
  readonly documents = new Map<number, FakeDocument[]>();
  readonly reference: Record<ReferenceListName, NamedItem[]> = {
    positions: [],
    departments: [],
    locations: [],
    document_folders: [],
  };

  id(): number {
    return this.nextId++;
  }

  addReference(list: ReferenceListName, name: string): NamedItem {
    const item = { id: this.id(), name };
    this.reference[list].push(item);
    return item;
  }

  /** The unique keys `body` would clash on with another employee (§4.3). */
  clashes(body: EmployeeBody, exceptId?: number): string[] {
    const clashes = new Set<string>();
    const lower = (s: string | undefined) => s?.trim().toLowerCase();
    for (const e of this.employees.values()) {
      if (e.id === exceptId) continue;
      const theirs = [lower(e.email), lower(e.personal_email)].filter(Boolean);
      if (body.email && theirs.includes(lower(body.email))) clashes.add('email');
      if (body.personal_email && theirs.includes(lower(body.personal_email))) clashes.add('personal_email');
      if (body.mobile_number && e.mobile_number === body.mobile_number) clashes.add('mobile_number');
    }
    return [...clashes];
  }

  addEmployee(body: EmployeeBody, status: FakeEmployee['status'] = 'hired'): FakeEmployee {
    const employee: FakeEmployee = { ...body, id: this.id(), status };
    this.employees.set(employee.id, employee);
    return employee;
  }

  /** Employees matching the list filter: `emails[]` on the work email only (see assumptions.ts). */
  filter(emails: readonly string[], status: string, matchPersonal: boolean): FakeEmployee[] {
    const wanted = emails.map((e) => e.trim().toLowerCase());
    return [...this.employees.values()].filter((e) => {
      if (status !== 'all' && !statusMatches(e.status, status)) return false;
      if (wanted.length === 0) return true;
      const own = [e.email, ...(matchPersonal ? [e.personal_email] : [])];
      return own.some((x) => x !== undefined && wanted.includes(x.toLowerCase()));
    });
  }
}

function statusMatches(actual: FakeEmployee['status'], wanted: string): boolean {
  // `active` (the default) covers everyone not terminated (§4.2 step 2).
  if (wanted === 'active') return actual !== 'terminated';
  return actual === wanted;
}

/** The slim employee `GET /employees` returns. */
export function wireEmployee(e: FakeEmployee) {
  return {
    id: e.id,
    first_name: e.first_name,
    last_name: e.last_name,
    email: e.email ?? null,
    personal_email: e.personal_email ?? null,
    mobile_number: e.mobile_number ?? null,
    hired_on: e.hired_on ?? null,
    status: e.status,
  };
}
