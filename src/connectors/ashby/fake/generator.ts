import type { ApplicationStatus, AshbyPermission, CustomFieldDefinition } from '../schemas.js';
import { customFieldValue } from './custom-field-values.js';
import { buildCatalog } from './generator-catalog.js';
import { generatePerson } from './generator-people.js';
import { pick, randomInt, randomUuid, seededRandom, shuffled } from './random.js';
import type {
  Scenario,
  ScenarioApplication,
  ScenarioFile,
  ScenarioJob,
  ScenarioOffer,
} from './scenario-schema.js';

export interface GenerateCompanyOptions {
  seed?: number;
  /** Number of Hired applications, each with an accepted offer (default 10). */
  hires?: number;
  /** Active applications (default max(2, hires / 10)). */
  active?: number;
  /** Archived applications (default max(2, hires / 10)). */
  archived?: number;
  /** First application's createdAt (ms). Default 2025-01-06T09:00:00Z. Later ones are spaced 23–37 min apart. */
  startMs?: number;
}

/** Keys every generated scenario holds. */
export const GENERATED_API_KEYS = {
  /** Every permission the importer and opening push need, plus webhook management. */
  full: 'sim_full_access_key',
  /** Everything except offersRead: offer.* answers 403 missing_endpoint_permission. */
  noOffers: 'sim_no_offers_key',
  disabled: 'sim_disabled_key',
} as const;

const IMPORTER_PERMISSIONS: AshbyPermission[] = [
  'candidatesRead',
  'offersRead',
  'jobsRead',
  'jobsWrite',
  'organizationRead',
  'hiringProcessMetadataRead',
  'apiKeysRead',
  'apiKeysWrite',
];

const DAY = 86_400_000;
const JOB_TITLES = [
  'Backend Engineer',
  'Platform Engineer',
  'Account Executive',
  'People Partner',
  'Data Analyst',
  'Engineering Manager',
];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A valid scenario (deterministic for a seed) with `hires` hired applications at distinct createdAt times. */
export function generateCompany(options: GenerateCompanyOptions = {}): Scenario {
  const random = seededRandom(options.seed ?? 1);
  const id = () => randomUuid(random);
  const hires = options.hires ?? 10;
  const active = options.active ?? Math.max(2, Math.floor(hires / 10));
  const archived = options.archived ?? Math.max(2, Math.floor(hires / 10));
  const startMs = options.startMs ?? Date.parse('2025-01-06T09:00:00.000Z');
  const orgCreated = new Date(startMs - 365 * DAY).toISOString();
  const catalog = buildCatalog(random, orgCreated);
  const fields = (objectType: string) =>
    catalog.customFieldDefinitions.filter((d) => d.objectType === objectType && !d.isArchived);
  const values = (defs: CustomFieldDefinition[], baseMs: number) =>
    defs.filter(() => random() < 0.7).map((d) => customFieldValue(d, random, baseMs));
  const stage = (type: string) => catalog.stages.find((s) => s.type === type) ?? catalog.stages[0]!;
  const [admin, hm1, hm2, recruiter, hm3] = catalog.users;
  const managers = [hm1!, hm2!, hm3!];
  const teamDepartments = catalog.departments.filter((d) => !d.isArchived);
  const offices = catalog.locations.filter((l) => l.type !== 'LocationHierarchy');

  const jobs: ScenarioJob[] = JOB_TITLES.map((title, i) => ({
    id: id(),
    title,
    status: i === JOB_TITLES.length - 1 ? 'Closed' : 'Open',
    employmentType: i === 4 ? 'PartTime' : 'FullTime',
    confidential: i === 5,
    departmentId: teamDepartments[i % teamDepartments.length]!.id,
    locationId: offices[i % offices.length]!.id,
    defaultInterviewPlanId: catalog.planId,
    customRequisitionId: i % 2 === 0 ? `REQ-${100 + i}` : null,
    customFields: values(fields('Job'), startMs),
    hiringTeam: [
      { userId: managers[i % managers.length]!.id, role: 'Hiring Manager' },
      { userId: recruiter!.id, role: 'Recruiter' },
    ],
    authorId: admin!.id,
    createdAt: orgCreated,
    updatedAt: orgCreated,
    openedAt: orgCreated,
  }));

  const statuses: ApplicationStatus[] = shuffled(random, [
    ...Array<ApplicationStatus>(hires).fill('Hired'),
    ...Array<ApplicationStatus>(active).fill('Active'),
    ...Array<ApplicationStatus>(archived).fill('Archived'),
  ]);
  const archiveReason = {
    id: id(),
    text: 'Lacks Skills/Qualifications',
    reasonType: 'RejectedByOrg',
    isArchived: false,
    customFields: [],
  };
  const files: ScenarioFile[] = [];
  const candidates: Scenario['candidates'] = [];
  const applications: ScenarioApplication[] = [];
  const offers: ScenarioOffer[] = [];
  let clock = startMs;
  statuses.forEach((status, index) => {
    clock += randomInt(random, 23, 37) * 60_000 + randomInt(random, 0, 59_999);
    const createdAt = new Date(clock).toISOString();
    const person = generatePerson(random, index);
    const job = pick(random, jobs.slice(0, 5));
    const resume: ScenarioFile = {
      id: id(),
      name: `${person.name} CV.pdf`,
      contentType: 'application/pdf',
      content: `%PDF-1.4\n% resume of ${person.name}\n%%EOF\n`,
    };
    files.push(resume);
    const candidateId = id();
    const extra: ScenarioFile[] =
      random() < 0.3
        ? [
            {
              id: id(),
              name: 'Cover letter.docx',
              contentType: DOCX,
              content: Buffer.from(`PK\u0003\u0004 cover letter ${index}`).toString('base64'),
              encoding: 'base64',
            },
          ]
        : [];
    files.push(...extra);
    candidates.push({
      id: candidateId,
      name: person.name,
      createdAt,
      updatedAt: createdAt,
      emailAddresses: person.emailAddresses,
      phoneNumbers: person.phoneNumbers,
      socialLinks: person.socialLinks,
      resumeFileId: resume.id,
      fileIds: extra.map((f) => f.id),
      customFields: values(fields('Candidate'), clock),
      timezone: random() < 0.5 ? 'Europe/Berlin' : null,
      sourceId: catalog.sources[index % 2]!.id,
    });
    const decidedMs = clock + randomInt(random, 10, 30) * DAY;
    const current =
      status === 'Hired' ? stage('Hired') : status === 'Archived' ? stage('Archived') : stage('Active');
    const review = stage('PreInterviewScreen');
    applications.push({
      id: id(),
      candidateId,
      jobId: job.id,
      status,
      currentInterviewStageId: current.id,
      createdAt,
      updatedAt: new Date(status === 'Active' ? clock : decidedMs).toISOString(),
      customFields: values(fields('Application'), clock),
      hiringTeam: job.hiringTeam,
      sourceId: catalog.sources[index % 2]!.id,
      ...(status === 'Archived'
        ? { archivedAt: new Date(decidedMs).toISOString(), archiveReasonId: archiveReason.id }
        : {}),
      history: [
        {
          id: id(),
          stageId: review.id,
          enteredStageAt: createdAt,
          ...(status === 'Active' ? {} : { leftStageAt: new Date(decidedMs).toISOString() }),
        },
        ...(status === 'Active'
          ? []
          : [{ id: id(), stageId: current.id, enteredStageAt: new Date(decidedMs).toISOString() }]),
      ],
    });
    if (status !== 'Hired') return;
    const letter: ScenarioFile = {
      id: id(),
      name: 'Offer Letter.pdf',
      contentType: 'application/pdf',
      content: `%PDF-1.4\n% offer letter for ${person.name}\n%%EOF\n`,
    };
    const signed: ScenarioFile = {
      id: id(),
      name: 'Offer Letter (signed).pdf',
      contentType: 'application/pdf',
      content: `%PDF-1.4\n% signed offer letter for ${person.name}\n%%EOF\n`,
    };
    files.push(letter, signed);
    const start = Math.ceil((decidedMs + randomInt(random, 14, 60) * DAY) / DAY) * DAY;
    offers.push({
      id: id(),
      applicationId: applications[applications.length - 1]!.id,
      acceptanceStatus: 'Accepted',
      offerStatus: 'CandidateAccepted',
      decidedAt: new Date(decidedMs).toISOString(),
      versions: [
        {
          id: id(),
          createdAt: new Date(decidedMs - 2 * DAY).toISOString(),
          startDate: new Date(start).toISOString(),
          salary: {
            currencyCode: job.locationId === offices[2]!.id ? 'USD' : 'EUR',
            value: randomInt(random, 50, 140) * 1000,
          },
          customFields: values(fields('Offer'), decidedMs),
          fileIds: [letter.id, signed.id],
          authorId: recruiter!.id,
          approvalStatus: 'Approved',
        },
      ],
    });
  });

  const all = [...new Set(IMPORTER_PERMISSIONS)];
  return {
    name: `generated company (seed ${options.seed ?? 1}, ${hires} hires)`,
    apiKeys: [
      { key: GENERATED_API_KEYS.full, title: 'HireBridge (full)', permissions: all },
      {
        key: GENERATED_API_KEYS.noOffers,
        title: 'HireBridge (no offers)',
        permissions: all.filter((p) => p !== 'offersRead'),
      },
      { key: GENERATED_API_KEYS.disabled, title: 'Revoked key', permissions: all, enabled: false },
    ],
    departments: catalog.departments,
    locations: catalog.locations,
    users: catalog.users,
    interviewStages: catalog.stages,
    sources: catalog.sources,
    archiveReasons: [archiveReason],
    closeReasons: [
      { id: id(), reasonText: 'Hired', isArchived: false },
      { id: id(), reasonText: 'Position cancelled', isArchived: false },
    ],
    customFieldDefinitions: catalog.customFieldDefinitions,
    jobs,
    files,
    candidates,
    applications,
    offers,
  };
}
