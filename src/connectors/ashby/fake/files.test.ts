import { afterEach, describe, expect, it } from 'vitest';
import {
  ashbyErrorEnvelopeSchema,
  candidateSchema,
  fileInfoSchema,
  offerSchema,
  successEnvelopeSchema,
} from '../schemas.js';
import { FILE_URL_TTL_MS } from './endpoints/candidate-endpoints.js';
import { SAMPLE_COMPANY_PATH, SAMPLE_KEYS } from './sample-fixture.js';
import { loadScenarioFile } from './scenario-loader.js';
import { startAshbySimulator, type AshbySimulator } from './simulator.js';
import { httpCall, httpGetBytes } from './test-support.js';

describe('Ashby simulator: file handles and downloads', () => {
  let sim: AshbySimulator | undefined;
  afterEach(async () => {
    await sim?.close();
  });

  const setup = async (now?: () => number) => {
    const scenario = await loadScenarioFile(SAMPLE_COMPANY_PATH);
    sim = await startAshbySimulator({ scenario, ...(now === undefined ? {} : { now }) });
    const started = sim;
    const post = (endpoint: string, body: unknown, key: string = SAMPLE_KEYS.full) =>
      httpCall(`${started.url}/${endpoint}`, body, { key });
    const anna = scenario.candidates.find((c) => c.name === 'Anna-Lena van der Berg');
    const candidate = successEnvelopeSchema(candidateSchema).parse(
      (await post('candidate.info', { id: anna?.id })).json,
    ).results;
    const fileUrl = async (handle: string | undefined) =>
      successEnvelopeSchema(fileInfoSchema).parse((await post('file.info', { fileHandle: handle })).json)
        .results.url;
    return { sim: started, scenario, post, candidate, fileUrl };
  };

  it('handles look like Ashby’s: unpadded base64url JSON with type, fileId, ownerId, signature', async () => {
    const { candidate } = await setup();
    const handle = candidate.resumeFileHandle?.handle ?? '';
    expect(handle).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = JSON.parse(Buffer.from(handle, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(decoded).toMatchObject({ handle: { type: 'ResumeFile', ownerId: candidate.id }, version: '1' });
    expect(typeof decoded['signature']).toBe('string');
  });

  it('file.info url downloads the exact bytes with the content type', async () => {
    const { candidate, fileUrl, scenario } = await setup();
    const resume = await httpGetBytes(await fileUrl(candidate.resumeFileHandle?.handle));
    expect(resume.status).toBe(200);
    expect(resume.headers['content-type']).toBe('application/pdf');
    const stored = scenario.files.find((f) => f.id === candidate.resumeFileHandle?.id);
    expect(resume.body.toString('utf8')).toBe(stored?.content);
    const docx = candidate.fileHandles.find((f) => f.name.endsWith('.docx'));
    const docxFile = await httpGetBytes(await fileUrl(docx?.handle));
    expect(docxFile.headers['content-type']).toContain('wordprocessingml');
    expect(docxFile.body.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(docxFile.headers['content-disposition']).toContain("filename*=UTF-8''Cover%20letter.docx");
  });

  it('offer letter handles download too', async () => {
    const { post, scenario, fileUrl } = await setup();
    const offer = successEnvelopeSchema(offerSchema).parse(
      (await post('offer.info', { offerId: scenario.offers[0]?.id })).json,
    ).results;
    const signed = offer.latestVersion?.fileHandles?.find((f) => f.name === 'Offer Letter (signed).pdf');
    const res = await httpGetBytes(await fileUrl(signed?.handle));
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toContain('signed offer letter');
  });

  it('a tampered URL signature answers 403, and the URL expires', async () => {
    let clock = Date.parse('2025-03-01T00:00:00Z');
    const { candidate, fileUrl } = await setup(() => clock);
    const url = await fileUrl(candidate.resumeFileHandle?.handle);
    expect(
      (await httpGetBytes(url.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`)))
        .status,
    ).toBe(403);
    clock += FILE_URL_TTL_MS + 1;
    expect((await httpGetBytes(url)).status).toBe(403);
  });

  it('a malformed handle is invalid_input; a forged one is file_not_found', async () => {
    const { post, candidate } = await setup();
    const code = async (fileHandle: string) =>
      ashbyErrorEnvelopeSchema.parse((await post('file.info', { fileHandle })).json).errorInfo?.code;
    expect(await code('not a handle!')).toBe('invalid_input');
    const decoded = JSON.parse(
      Buffer.from(candidate.resumeFileHandle?.handle ?? '', 'base64url').toString('utf8'),
    ) as {
      handle: { fileId: string };
    };
    decoded.handle.fileId = '00000000-0000-4000-8000-000000000000';
    expect(await code(Buffer.from(JSON.stringify(decoded)).toString('base64url'))).toBe('file_not_found');
  });

  it('file.info needs candidatesRead', async () => {
    const { post, candidate } = await setup();
    sim?.addApiKey('offers-only', ['offersRead']);
    const res = await post('file.info', { fileHandle: candidate.resumeFileHandle?.handle }, 'offers-only');
    expect(res.status).toBe(403);
  });
});
