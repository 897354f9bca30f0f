import type { CustomFieldDefinition, Department, Location, Source, User } from '../schemas.js';
import { randomUuid, type Random } from './random.js';
import type { ScenarioInterviewStage } from './scenario-schema.js';

/** The fixed part of a generated company: org chart, places, people who hire, process, field definitions. */

export interface Catalog {
  departments: Department[];
  locations: Location[];
  users: User[];
  stages: ScenarioInterviewStage[];
  planId: string;
  sources: Source[];
  customFieldDefinitions: CustomFieldDefinition[];
}

const FIELD_SPECS: readonly [objectType: string, fieldType: string, title: string, options?: string[]][] = [
  ['Candidate', 'Boolean', 'Is actively looking'],
  ['Candidate', 'Number', 'Years of experience'],
  ['Candidate', 'String', 'Pronouns'],
  ['Candidate', 'LongText', 'Recruiter notes'],
  ['Candidate', 'Date', 'Available from'],
  ['Candidate', 'ValueSelect', 'T-shirt size', ['S', 'M', 'L', 'XL']],
  ['Candidate', 'MultiValueSelect', 'Languages', ['English', 'German', 'French', 'Mandarin']],
  ['Candidate', 'Currency', 'Salary expectation'],
  ['Candidate', 'NumberRange', 'Notice period (weeks)'],
  ['Candidate', 'CompensationRange', 'Desired compensation'],
  ['Candidate', 'Url', 'Portfolio'],
  ['Application', 'ValueSelect', 'Referral type', ['Employee', 'Agency', 'None']],
  ['Application', 'Boolean', 'Needs relocation'],
  ['Application', 'Date', 'Expected start date'],
  ['Application', 'String', 'Requisition note'],
  ['Application', 'MultiValueSelect', 'Interview languages', ['English', 'German']],
  ['Offer', 'Currency', 'Signing bonus'],
  ['Offer', 'Number', 'Stock options'],
  ['Offer', 'ValueSelect', 'Pay frequency', ['Monthly', 'Biweekly', 'Annual']],
  ['Offer', 'String', 'Contract type'],
  ['Offer', 'Date', 'Probation end'],
  ['Offer', 'Boolean', 'Relocation package'],
  ['Offer', 'CompensationRange', 'Salary band'],
  ['Offer', 'MultiValueSelect', 'Benefits', ['Gym', 'Lunch', 'Pension', 'Laptop']],
  ['Offer', 'LongText', 'Special terms'],
  ['Offer', 'NumberRange', 'Hours per week'],
  ['Job', 'String', 'Cost center'],
  ['Job', 'ValueSelect', 'Seniority', ['Junior', 'Mid', 'Senior', 'Staff']],
  ['Job', 'NumberRange', 'Headcount'],
  ['Job', 'Boolean', 'Visa sponsorship'],
  ['Job', 'CompensationRange', 'Pay range'],
  ['Job', 'Currency', 'Hiring budget'],
];

export function buildCatalog(random: Random, createdAt: string): Catalog {
  const id = () => randomUuid(random);
  const dept = (name: string, parentId?: string, isArchived = false): Department => ({
    id: id(),
    name,
    isArchived,
    createdAt,
    updatedAt: createdAt,
    ...(parentId === undefined ? {} : { parentId }),
  });
  const engineering = dept('Engineering');
  const departments = [
    engineering,
    dept('Platform', engineering.id),
    dept('Sales'),
    dept('People'),
    dept('Legacy Operations', undefined, true),
  ];
  const europe: Location = { id: id(), name: 'Europe', isArchived: false, type: 'LocationHierarchy' };
  const place = (name: string, workplaceType: string, country: string, city: string | null): Location => ({
    id: id(),
    name,
    isArchived: false,
    workplaceType,
    isRemote: workplaceType === 'Remote',
    type: 'Location',
    parentLocationId: europe.id,
    address: {
      postalAddress: { addressCountry: country, ...(city === null ? {} : { addressLocality: city }) },
    },
  });
  const locations = [
    place('Berlin', 'OnSite', 'Germany', 'Berlin'),
    place('Remote (EU)', 'Remote', 'Germany', null),
    { ...place('New York', 'Hybrid', 'United States', 'New York'), parentLocationId: null },
    europe,
  ];
  const user = (firstName: string, lastName: string, globalRole: string, isEnabled = true): User => ({
    id: id(),
    firstName,
    lastName,
    email: `${firstName}.${lastName}@acme.example`.toLowerCase().replace(/\s+/g, ''),
    globalRole,
    isEnabled,
    updatedAt: createdAt,
  });
  const users = [
    user('Maria', 'Schmidt', 'Organization Admin'),
    user('James', 'Okafor', 'Elevated Access'),
    user('Priya', 'Raman', 'Elevated Access'),
    user('Tom', 'Berg', 'Limited Access'),
    user('Chen', 'Wei', 'Limited Access'),
    user('Olivia', 'Novak', 'Elevated Access'),
    user('Former', 'Recruiter', 'Limited Access', false),
  ];
  const planId = id();
  const group = id();
  const stage = (title: string, type: string, order: number): ScenarioInterviewStage => ({
    id: id(),
    title,
    type,
    orderInInterviewPlan: order,
    interviewStageGroupId: type === 'Active' ? group : null,
    interviewPlanId: planId,
  });
  const stages = [
    stage('Lead', 'Lead', 0),
    stage('Application Review', 'PreInterviewScreen', 1),
    stage('Phone Screen', 'Active', 2),
    stage('Onsite', 'Active', 3),
    stage('Offer', 'Offer', 4),
    stage('Hired', 'Hired', 5),
    stage('Archived', 'Archived', 6),
  ];
  const inbound = { id: id(), title: 'Inbound', isArchived: false };
  const sources: Source[] = [
    { id: id(), title: 'Applied', isArchived: false, sourceType: inbound },
    {
      id: id(),
      title: 'Referral',
      isArchived: false,
      sourceType: { id: id(), title: 'Referral', isArchived: false },
    },
  ];
  const customFieldDefinitions: CustomFieldDefinition[] = FIELD_SPECS.map(
    ([objectType, fieldType, title, options]) => ({
      id: id(),
      title,
      objectType,
      fieldType,
      isArchived: false,
      isRequired: false,
      isPrivate: title === 'Recruiter notes',
      ...(options === undefined
        ? {}
        : {
            selectableValues: options.map((o) => ({ label: o, value: o.toLowerCase(), isArchived: false })),
          }),
    }),
  );
  customFieldDefinitions.push({
    id: id(),
    title: 'Old score',
    objectType: 'Candidate',
    fieldType: 'Number',
    isArchived: true,
    isRequired: false,
    isPrivate: false,
  });
  return { departments, locations, users, stages, planId, sources, customFieldDefinitions };
}
