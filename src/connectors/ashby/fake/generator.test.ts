import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applicationInfoSchema,
  applicationSchema,
  candidateSchema,
  jobSchema,
  offerSchema,
  paginatedSchema,
  successEnvelopeSchema,
} from '../schemas.js';
import { GENERATED_API_KEYS, generateCompany } from './generator.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { loadScenarioFile, parseScenario, ScenarioError } from './scenario-loader.js';
import { scenarioSchema } from './scenario-schema.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall } from './test-support.js';

describe('generateCompany', () => {
  it('produces a valid scenario with N hired applications at distinct createdAt times', () => {
    const scenario = generateCompany({ seed: 9, hires: 2000 });
    expect(() => parseScenario(scenario)).not.toThrow();
    const hired = scenario.applications.filter((a) => a.status === 'Hired');
    expect(hired).toHaveLength(2000);
    expect(new Set(scenario.applications.map((a) => a.createdAt)).size).toBe(scenario.applications.length);
    const hiredIds = new Set(hired.map((a) => a.id));
    const accepted = scenario.offers.filter(
      (o) => o.acceptanceStatus === 'Accepted' && hiredIds.has(o.applicationId),
    );
    expect(accepted).toHaveLength(2000);
    expect(
      accepted.every((o) => o.versions[0]?.startDate !== undefined && o.versions[0]?.salary !== undefined),
    ).toBe(true);
    expect(new Set(scenario.candidates.map((c) => c.emailAddresses[0]?.value)).size).toBe(
      scenario.candidates.length,
    );
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(generateCompany({ seed: 4, hires: 20 })).toEqual(generateCompany({ seed: 4, hires: 20 }));
    expect(generateCompany({ seed: 4, hires: 20 }).candidates[0]?.id).not.toBe(
      generateCompany({ seed: 5, hires: 20 }).candidates[0]?.id,
    );
  });

  it('round-trips through JSON as a scenario file would', () => {
    const scenario = generateCompany({ seed: 2, hires: 5 });
    expect(scenarioSchema.parse(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
  });
});

describe('scenario validation', () => {
  it('reports shape errors and dangling references, all at once', () => {
    const scenario = generateCompany({ seed: 1, hires: 2 });
    const broken = structuredClone(scenario) as unknown as {
      applications: { jobId: string; status: string }[];
      offers: { applicationId: string }[];
    };
    broken.applications[0]!.jobId = 'no-such-job';
    broken.offers[0]!.applicationId = 'no-such-app';
    try {
      parseScenario(broken);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const problems = (error as ScenarioError).problems.join('\n');
      expect(problems).toContain('applications[0].jobId: unknown id no-such-job');
      expect(problems).toContain('offers[0].applicationId: unknown id no-such-app');
    }
    broken.applications[0]!.status = 'Employed';
    expect(() => parseScenario(broken)).toThrow(/applications\.0\.status/);
    expect(() => parseScenario({ ...scenario, typo: 1 })).toThrow(/Unrecognized key/);
  });
});

describe.each([
  [
    'generated company (200 hires)',
    async () => generateCompany({ seed: 8, hires: 200 }),
    GENERATED_API_KEYS.full,
  ],
  ['sample-company.json', async () => loadScenarioFile(SAMPLE_COMPANY_PATH), SAMPLE_KEYS.full],
])('%s served over HTTP parses with the wire schemas', (_name, load, key) => {
  let sim: AshbySimulator;
  const post = (endpoint: string, body: unknown) => httpCall(`${sim.url}/${endpoint}`, body, { key });
  beforeAll(async () => {
    sim = await startAshbySimulator({ scenario: await load() });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('every application, its candidate, job and offers', async () => {
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = paginatedSchema(applicationSchema.strict()).parse(
        (await post('application.list', cursor ? { cursor } : {})).json,
      );
      cursor = page.nextCursor ?? undefined;
      for (const app of page.results) {
        count += 1;
        // Top-level keys are checked strictly (catches typos in the wire builders); deeper reads sample every 7th.
        if (count % 7 !== 0 && count > 12) continue;
        successEnvelopeSchema(applicationInfoSchema).parse(
          (await post('application.info', { applicationId: app.id })).json,
        );
        successEnvelopeSchema(candidateSchema).parse(
          (await post('candidate.info', { id: app.candidate.id })).json,
        );
        successEnvelopeSchema(jobSchema).parse((await post('job.info', { id: app.job.id })).json);
        const offers = paginatedSchema(
          offerSchema.pick({ id: true, applicationId: true, acceptanceStatus: true }),
        ).parse((await post('offer.list', { applicationId: app.id })).json);
        for (const offer of offers.results)
          successEnvelopeSchema(offerSchema).parse((await post('offer.info', { offerId: offer.id })).json);
        if (app.status === 'Hired' && _name.startsWith('generated'))
          expect(offers.results[0]?.acceptanceStatus).toBe('Accepted');
      }
    } while (cursor !== undefined);
    expect(count).toBe(sim.applicationIds().length);
    expect(sim.calls.every((c) => c.status === 200 && c.errorCode === null)).toBe(true);
  });
});
