import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type Upstream } from '../../src/connectors/kit/testing/upstream-server.js';
import { startSmtpSink, type SmtpSink } from '../../src/connectors/smtp/fake/smtp-sink.js';
import { startIntakeHarness, type IntakeHarness } from '../support/intake-harness.js';
import { TEST_DIALECTS } from '../support/test-databases.js';
import { waitFor } from '../support/wait-for.js';

const SAMPLE = JSON.parse(
  fs.readFileSync(
    new URL('../../src/connectors/ashby/fixtures/sample-company.json', import.meta.url),
    'utf8',
  ),
) as {
  files: { id: string; name: string; content: string; encoding?: string }[];
};
const bytesOf = (name: string) => {
  const file = SAMPLE.files.find((f) => f.name === name);
  if (!file) throw new Error(`no sample file ${name}`);
  return Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const ANNA = '9a962904-b7e1-55a4-a4d7-b612b91c7d6d'; // resume, two other files, signed offer letter
const MADONNA = 'cbe85112-0bbb-5b7b-b39f-dde3965b14fb'; // resume "Resume.pdf", offer letter
const MADONNA_RESUME_FILE = '55ee8af9-7521-5223-9f1d-f3ce2973e72f';
const JOSE = '33cb412c-73af-5d5a-933f-a7ca2980c608'; // resume, unsigned and signed offer letter
const LI = '22f4d9ec-bf9b-5eda-a4bd-d5728233b58b'; // resume, offer letter
const SEUN = 'cec15da7-4ddc-5495-a088-806dff7a598f'; // resume, no offer

interface Doc {
  id: string;
  kind: string;
  category: { kind: string; name: string };
  fileName: string;
  status: string;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
  memberId: string | null;
}
interface Hire {
  id: string;
  status: string;
  missingRequired: string[];
  fields: Record<string, { value: unknown }>;
  source: { applicationId: string };
}
interface User {
  id: string;
  email: string;
  role: string;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { problems?: { field: string; userId?: string; message: string }[] };
  };
}

describe.each(TEST_DIALECTS)('Documents and new-hire notifications on %s', (dialect) => {
  let h: IntakeHarness;
  let smtp: SmtpSink;
  let slack: Upstream;
  let admin: User;
  let inboxToken: string;

  beforeAll(async () => {
    smtp = await startSmtpSink({ reject: ['bounce@example.com'] });
    slack = await startUpstream((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    );
    h = await startIntakeHarness(dialect, {
      env: { SMTP_URL: smtp.url, SMTP_FROM: 'HireBridge <hirebridge@example.com>' },
      // Every webhook delivered twice: notifications must still go out once per new hire.
      knobs: { duplicateDeliveryProbability: 1, shuffleFanOut: true },
      beforeConnect: async (api) => {
        const created = await api<User>('/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({ email: 'Grace@Example.com', name: 'Grace Admin', role: 'admin' }),
        });
        admin = created.body;
        return { connectedByUserId: admin.id };
      },
    });
    inboxToken = await h.server.token('inbox');
  });
  afterAll(async () => {
    await h.dispose();
    await smtp.close();
    await slack.close();
  });

  const hire = async (applicationId: string): Promise<Hire> => {
    h.sim.hire(applicationId);
    await h.settle();
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const found = list.body.items.find((i) => i.source.applicationId === applicationId);
    if (!found) throw new Error(`no new hire for ${applicationId}`);
    return found;
  };
  const documents = async (newHireId: string) =>
    (await h.api<{ items: Doc[] }>(`/api/v1/new-hires/${newHireId}/documents`)).body.items;
  const blobFile = (docId: string) => path.join(h.server.config.dataDir, 'blobs', 'documents', docId);
  const mailsFor = (name: string) => smtp.messages.filter((m) => m.subject.includes(name));

  it('records the admin who connected Ashby as the default recipient', async () => {
    const settings = await h.api<{
      recipients: User[];
      usingDefault: boolean;
      connectedByUserId: string;
      channels: Record<string, boolean>;
    }>(`/api/v1/connections/${h.connectionId}/notification-settings`);
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      usingDefault: true,
      connectedByUserId: admin.id,
      channels: { inApp: true, email: true, slack: false },
    });
    expect(settings.body.recipients.map((u) => u.id)).toEqual([admin.id]);
  });

  it('refuses a recipient without the inbox permission, naming them, and keeps the settings', async () => {
    const viewer = (
      await h.api<User>('/api/v1/users', {
        method: 'POST',
        body: JSON.stringify({ email: 'vic@example.com', name: 'Vic Viewer', role: 'viewer' }),
      })
    ).body;
    const refused = await h.api<ErrorBody>(`/api/v1/connections/${h.connectionId}/notification-settings`, {
      method: 'PUT',
      body: JSON.stringify({ recipients: [admin.id, viewer.id, 'no-such-user'] }),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_fields');
    expect(refused.body.error.message).toContain(
      'Vic Viewer (vic@example.com) may not manage the ATS inbox (role viewer)',
    );
    expect(refused.body.error.details?.problems?.map((p) => p.userId)).toEqual([viewer.id, 'no-such-user']);
    const after = await h.api<{ usingDefault: boolean }>(
      `/api/v1/connections/${h.connectionId}/notification-settings`,
    );
    expect(after.body.usingDefault).toBe(true);
    // Users are an admin matter; an inbox token may not list or add them.
    const asInbox = await h.api('/api/v1/users', { headers: { authorization: `Bearer ${inboxToken}` } });
    expect(asInbox.status).toBe(403);
  });

  it('files the signed offer letter under its document type and the resume and attachments in the folder', async () => {
    const anna = await hire(ANNA);
    const docs = await documents(anna.id);
    expect(docs.map((d) => [d.kind, d.fileName, d.category.kind, d.category.name, d.status])).toEqual([
      ['offer_letter', 'Offer Letter (signed).pdf', 'type', 'Offer letter', 'stored'],
      ['resume', 'Anna-Lena van der Berg - CV.pdf', 'folder', 'Hiring documents', 'stored'],
      ['candidate_file', 'AWS certificate.pdf', 'folder', 'Hiring documents', 'stored'],
      ['candidate_file', 'Cover letter.docx', 'folder', 'Hiring documents', 'stored'],
    ]);
    const resume = docs[1]!;
    const expected = bytesOf('Anna-Lena van der Berg - CV.pdf');
    expect(resume).toMatchObject({
      contentType: 'application/pdf',
      sizeBytes: expected.length,
      sha256: sha256(expected),
      error: null,
    });
    expect(docs[3]!.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );

    const content = await fetch(
      `${h.server.url}/api/v1/new-hires/${anna.id}/documents/${resume.id}/content`,
      { headers: { authorization: `Bearer ${inboxToken}` } },
    );
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('content-disposition')).toBe(
      `attachment; filename="Anna-Lena van der Berg - CV.pdf"; filename*=UTF-8''Anna-Lena%20van%20der%20Berg%20-%20CV.pdf`,
    );
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await content.arrayBuffer())).toEqual(expected);
    // Under DATA_DIR, named by document id only.
    expect(fs.readFileSync(blobFile(resume.id))).toEqual(expected);
    // Only through the owner: another new hire's id does not reach this document.
    const madeUp = await h.api(`/api/v1/new-hires/not-a-hire/documents/${resume.id}/content`);
    expect(madeUp.status).toBe(404);
  });

  it('sends exactly one email and one in-app notification per new hire, whatever the duplicate deliveries', async () => {
    const anna = await hire(ANNA); // delivered again: still the same new hire, no new notification
    await waitFor('the email to arrive', () => mailsFor('Anna-Lena van der Berg').length > 0, 10_000, 50);
    await h.settle();
    const mails = mailsFor('Anna-Lena van der Berg');
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to.map((a) => a.toLowerCase())).toEqual(['grace@example.com']);
    const job = String(anna.fields['jobTitle']?.value);
    const start = String(anna.fields['employmentStartDate']?.value);
    expect(mail.subject).toBe(`New hire: Anna-Lena van der Berg, ${job}`);
    expect(mail.text).toContain(`was hired as ${job} and starts on ${start}.`);
    expect(mail.text).toContain(`${h.server.config.publicUrl}/new-hires/${anna.id}`);
    // Deliveries did repeat: the simulator sent every webhook twice.
    expect(h.sim.deliveriesLog.length).toBeGreaterThanOrEqual(2);

    const inApp = await h.api<{
      items: {
        id: string;
        newHireId: string;
        readAt: string | null;
        newHire: { name: string; jobTitle: string; startDate: string; link: string };
        email: { status: string; attempts: number };
      }[];
    }>(`/api/v1/notifications?userId=${admin.id}`, { headers: { authorization: `Bearer ${inboxToken}` } });
    const mine = inApp.body.items.filter((n) => n.newHireId === anna.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      readAt: null,
      newHire: { name: 'Anna-Lena van der Berg', jobTitle: job, startDate: start },
      email: { status: 'sent', attempts: 1 },
    });
    const read = await h.api(`/api/v1/notifications/${mine[0]!.id}/read?userId=${admin.id}`, {
      method: 'POST',
    });
    expect(read.status).toBe(204);
    const unread = await h.api<{ items: { id: string }[] }>(
      `/api/v1/notifications?userId=${admin.id}&unread=true`,
    );
    expect(unread.body.items.map((n) => n.id)).not.toContain(mine[0]!.id);
    // Tokens are not users: the user must be named.
    expect((await h.api('/api/v1/notifications')).status).toBe(400);
  });

  it('posts to the Slack webhook once, and refuses links that reach internal addresses while the hire still imports', async () => {
    const badUrl = await h.api<ErrorBody>(`/api/v1/connections/${h.connectionId}/notification-settings`, {
      method: 'PUT',
      body: JSON.stringify({ slackWebhookUrl: 'http://hooks.example.com/services/x' }),
    });
    expect(badUrl.status).toBe(422);
    const saved = await h.api<{ channels: { slack: boolean } }>(
      `/api/v1/connections/${h.connectionId}/notification-settings`,
      {
        method: 'PUT',
        body: JSON.stringify({ slackWebhookUrl: `${slack.url}/services/T000/B000/secret` }),
      },
    );
    expect(saved.body.channels.slack).toBe(true);
    // A hostile Ashby hands out file links to the cloud metadata address.
    h.sim.setKnobs({ fileUrlBase: 'http://169.254.169.254' });
    try {
      const li = await hire(LI);
      expect(li.status).toBe('in_review');
      const docs = await documents(li.id);
      expect(docs.map((d) => d.status)).toEqual(['failed', 'failed']);
      expect(docs[0]!.error).toBe(
        'file URL refused: the host resolves to a link-local address (169.254.169.254)',
      );
    } finally {
      h.sim.setKnobs({ fileUrlBase: null });
    }
    const posts = slack.requests.filter((r) => r.path === '/services/T000/B000/secret');
    expect(posts).toHaveLength(1);
    const text = (JSON.parse(posts[0]!.body) as { text: string }).text;
    expect(text).toContain('李小龙');
    expect(text).toContain('/new-hires/');
  });

  it('refuses an oversized file with a clear error, and the new hire still imports with its other documents', async () => {
    h.sim.setKnobs({ oversizedFileIds: [MADONNA_RESUME_FILE] });
    try {
      const madonna = await hire(MADONNA);
      expect(madonna.status).toBe('in_review');
      const docs = await documents(madonna.id);
      const resume = docs.find((d) => d.kind === 'resume');
      expect(resume).toMatchObject({
        status: 'failed',
        error: 'the file is larger than the 25 MiB limit (26214401 bytes)',
        sizeBytes: null,
      });
      expect(fs.existsSync(blobFile(resume!.id))).toBe(false);
      expect(docs.find((d) => d.kind === 'offer_letter')?.status).toBe('stored');
      const content = await h.api<ErrorBody>(
        `/api/v1/new-hires/${madonna.id}/documents/${resume!.id}/content`,
      );
      expect(content.status).toBe(409);
      expect(content.body.error.message).toContain('larger than the 25 MiB limit');
    } finally {
      h.sim.setKnobs({ oversizedFileIds: [] });
    }
  });

  it('deletes the stored files from disk when the new hire is deleted', async () => {
    const jose = await hire(JOSE);
    const docs = await documents(jose.id);
    expect(docs.map((d) => [d.kind, d.fileName, d.status])).toEqual([
      ['offer_letter', 'Offer Letter (signed).pdf', 'stored'],
      ['resume', 'CV José María Núñez.pdf', 'stored'],
    ]);
    for (const d of docs) expect(fs.existsSync(blobFile(d.id))).toBe(true);
    expect((await h.api(`/api/v1/new-hires/${jose.id}`, { method: 'DELETE' })).status).toBe(204);
    await h.settle();
    for (const d of docs) expect(fs.existsSync(blobFile(d.id))).toBe(false);
    expect(await documents(jose.id)).toEqual([]);
  });

  it('moves the documents with the new hire to the member on Add member', async () => {
    const list = await h.api<{ items: Hire[] }>('/api/v1/new-hires?limit=500');
    const anna = list.body.items.find((i) => i.source.applicationId === ANNA)!;
    const missing = Object.fromEntries(
      anna.missingRequired.map((key) => [
        key,
        key === 'employmentStartDate'
          ? '2030-01-01'
          : key === 'personalEmail'
            ? 'anna@example.com'
            : 'Filled',
      ]),
    );
    if (anna.missingRequired.length > 0)
      await h.api(`/api/v1/new-hires/${anna.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ fields: missing }),
      });
    const added = await h.api<{ id: string }>(`/api/v1/new-hires/${anna.id}/add-member`, { method: 'POST' });
    expect(added.status).toBe(201);
    const memberDocs = (await h.api<{ items: Doc[] }>(`/api/v1/members/${added.body.id}/documents`)).body
      .items;
    expect(memberDocs.map((d) => d.fileName)).toEqual([
      'Offer Letter (signed).pdf',
      'Anna-Lena van der Berg - CV.pdf',
      'AWS certificate.pdf',
      'Cover letter.docx',
    ]);
    expect(memberDocs.every((d) => d.memberId === added.body.id)).toBe(true);
    const letter = memberDocs[0]!;
    const content = await fetch(
      `${h.server.url}/api/v1/members/${added.body.id}/documents/${letter.id}/content`,
      { headers: { authorization: `Bearer ${inboxToken}` } },
    );
    expect(Buffer.from(await content.arrayBuffer())).toEqual(bytesOf('Offer Letter (signed).pdf'));
  });

  it('files by the admin-defined settings, and shows a failed email as failed and dead', async () => {
    const folder = await h.api<{ name: string }>('/api/v1/document-folders', {
      method: 'POST',
      body: JSON.stringify({ name: 'Onboarding' }),
    });
    expect(folder.status).toBe(201);
    expect(
      (
        await h.api<ErrorBody>('/api/v1/document-folders', {
          method: 'POST',
          body: JSON.stringify({ name: 'onboarding ' }),
        })
      ).status,
    ).toBe(409);
    const unknownFolder = await h.api<ErrorBody>(`/api/v1/connections/${h.connectionId}/document-settings`, {
      method: 'PUT',
      body: JSON.stringify({ candidateFiles: { folder: 'Nowhere' } }),
    });
    expect(unknownFolder.status).toBe(422);
    expect(unknownFolder.body.error.details?.problems?.[0]?.field).toBe('candidateFiles.folder');
    const settings = await h.api<{
      candidateFiles: { folder: string; enabled: boolean };
      offerLetter: { documentType: string };
    }>(`/api/v1/connections/${h.connectionId}/document-settings`, {
      method: 'PUT',
      body: JSON.stringify({ candidateFiles: { folder: 'onboarding' } }),
    });
    expect(settings.body).toMatchObject({
      candidateFiles: { folder: 'Onboarding', enabled: true },
      offerLetter: { documentType: 'Offer letter' },
    });

    const bounce = (
      await h.api<User>('/api/v1/users', {
        method: 'POST',
        body: JSON.stringify({ email: 'bounce@example.com', name: 'Bo Unce', role: 'inbox' }),
      })
    ).body;
    const chosen = await h.api<{ recipients: User[]; usingDefault: boolean }>(
      `/api/v1/connections/${h.connectionId}/notification-settings`,
      {
        method: 'PUT',
        body: JSON.stringify({ recipients: [admin.id, bounce.id] }),
      },
    );
    expect(chosen.body.usingDefault).toBe(false);

    const seun = await hire(SEUN);
    expect((await documents(seun.id)).map((d) => [d.kind, d.category.name, d.status])).toEqual([
      ['resume', 'Onboarding', 'stored'],
    ]);
    expect(mailsFor('Oluwaseun Adeyemi').map((m) => m.to.map((a) => a.toLowerCase()))).toEqual([
      ['grace@example.com'],
    ]);
    const failed = await h.api<{
      items: { newHireId: string; userId: string; status: string; lastError: string; attempts: number }[];
    }>('/api/v1/notification-sends?status=failed');
    expect(failed.body.items.filter((s) => s.newHireId === seun.id)).toEqual([
      expect.objectContaining({
        userId: bounce.id,
        status: 'failed',
        attempts: 1,
        lastError: 'smtp: the server answered 550',
      }),
    ]);
    const dead = await h.api<{ items: { kind: string; lastError: string | null }[] }>(
      '/api/v1/jobs?state=dead&kind=notifications.send',
    );
    expect(dead.body.items.length).toBeGreaterThanOrEqual(1);
    // The error names the reply code, never the address.
    expect(JSON.stringify(dead.body)).not.toContain('bounce@example.com');
  });
});
