import { readFile } from 'node:fs/promises';
import { scenarioSchema, type Scenario } from './scenario-schema.js';

export class ScenarioError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid Ashby simulator scenario:\n  ${problems.join('\n  ')}`);
    this.name = 'ScenarioError';
  }
}

/** Validates shape (zod) and references (ids that must exist), reporting every problem at once. */
export function parseScenario(input: unknown): Scenario {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) {
    throw new ScenarioError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0) throw new ScenarioError(problems);
  return parsed.data;
}

export async function loadScenarioFile(path: string): Promise<Scenario> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([`${path}: not JSON (${(error as Error).message})`]);
  }
  return parseScenario(json);
}

function referenceProblems(s: Scenario): string[] {
  const problems: string[] = [];
  const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
  const users = ids(s.users);
  const departments = ids(s.departments);
  const locations = ids(s.locations);
  const stages = ids(s.interviewStages);
  const jobs = ids(s.jobs);
  const files = ids(s.files);
  const candidates = ids(s.candidates);
  const applications = ids(s.applications);
  const sources = ids(s.sources ?? []);
  const archiveReasons = ids(s.archiveReasons ?? []);
  const need = (set: Set<string>, value: string | undefined, where: string) => {
    if (value !== undefined && !set.has(value)) problems.push(`${where}: unknown id ${value}`);
  };

  const all = [
    ...s.users,
    ...s.departments,
    ...s.locations,
    ...s.interviewStages,
    ...s.jobs,
    ...s.files,
    ...s.candidates,
    ...s.applications,
    ...s.offers,
    ...(s.openings ?? []),
    ...(s.closeReasons ?? []),
  ];
  const seen = new Set<string>();
  for (const item of all) {
    if (seen.has(item.id)) problems.push(`duplicate id ${item.id}`);
    seen.add(item.id);
  }
  const keys = new Set<string>();
  for (const key of s.apiKeys) {
    if (keys.has(key.key)) problems.push(`duplicate api key ${key.key}`);
    keys.add(key.key);
  }

  s.departments.forEach((d, i) => need(departments, d.parentId ?? undefined, `departments[${i}].parentId`));
  s.jobs.forEach((job, i) => {
    need(departments, job.departmentId, `jobs[${i}].departmentId`);
    need(locations, job.locationId, `jobs[${i}].locationId`);
    need(users, job.authorId, `jobs[${i}].authorId`);
    job.hiringTeam.forEach((m, j) => need(users, m.userId, `jobs[${i}].hiringTeam[${j}].userId`));
    if (!s.interviewStages.some((stage) => stage.interviewPlanId === job.defaultInterviewPlanId)) {
      problems.push(`jobs[${i}].defaultInterviewPlanId: no stage has plan ${job.defaultInterviewPlanId}`);
    }
  });
  s.candidates.forEach((c, i) => {
    need(files, c.resumeFileId, `candidates[${i}].resumeFileId`);
    c.fileIds.forEach((f, j) => need(files, f, `candidates[${i}].fileIds[${j}]`));
    need(sources, c.sourceId, `candidates[${i}].sourceId`);
    need(users, c.creditedToUserId, `candidates[${i}].creditedToUserId`);
  });
  s.applications.forEach((a, i) => {
    need(candidates, a.candidateId, `applications[${i}].candidateId`);
    need(jobs, a.jobId, `applications[${i}].jobId`);
    need(stages, a.currentInterviewStageId, `applications[${i}].currentInterviewStageId`);
    need(sources, a.sourceId, `applications[${i}].sourceId`);
    need(archiveReasons, a.archiveReasonId, `applications[${i}].archiveReasonId`);
    need(users, a.creditedToUserId, `applications[${i}].creditedToUserId`);
    a.hiringTeam.forEach((m, j) => need(users, m.userId, `applications[${i}].hiringTeam[${j}].userId`));
    a.history?.forEach((h, j) => need(stages, h.stageId, `applications[${i}].history[${j}].stageId`));
  });
  s.offers.forEach((o, i) => {
    need(applications, o.applicationId, `offers[${i}].applicationId`);
    o.versions.forEach((v, j) => {
      need(users, v.authorId, `offers[${i}].versions[${j}].authorId`);
      v.fileIds.forEach((f, k) => need(files, f, `offers[${i}].versions[${j}].fileIds[${k}]`));
    });
  });
  return problems;
}
