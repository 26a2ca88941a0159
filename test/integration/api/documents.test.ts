import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, dossiers } from '#adapters/repositories';
import { scansBucketFor } from '#adapters/s3';
import { inspectObject } from '#adapters/scan-objects';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENTS_PER_DOSSIER, pendingDocument } from '#domain/documents/document';
import { toLocalIso } from '#domain/time';
import { type DossierBody, intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

const USERS = {
  clerk: 'clerk.hai-chau-i',
  specialist: 'specialist.hai-chau-i',
  leader: 'leader.hai-chau-i',
  admin: 'admin.hai-chau-i',
  otherClerk: 'clerk.thach-thang',
  district: 'district.hai-chau',
  otherDistrict: 'district.son-tra',
  city: 'city',
} as const;
type Who = keyof typeof USERS;

let server: TestApi;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  server = await startTestApi();
  await Promise.all(
    Object.entries(USERS).map(async ([who, username]) => {
      tokens[who as Who] = await login(server.url, username);
    }),
  );
});
afterAll(() => server?.stop());

const as = (who: Who) => api(server.url, tokens[who]);

interface Created {
  documentId: string;
  uploadUrl: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
}
interface DocumentBody {
  documentId: string;
  name: string;
  state: string;
  size: number;
  sha256: string;
  page?: number;
  downloadUrl?: string;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (size = 2048) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(Math.max(0, size - 15)), Buffer.from('\n%%EOF')]);
const png = (size = 1024) =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);

async function newDossier(): Promise<DossierBody> {
  const res = await as('clerk').post<DossierBody>('/v1/wards/hai-chau-i/dossiers', intakeBody());
  expect(res.status).toBe(201);
  return res.body;
}

const declare = (bytes: Buffer, overrides: Record<string, unknown> = {}) => ({
  name: 'Giấy tờ cần chứng thực chữ ký.pdf',
  kind: 'component',
  contentType: 'application/pdf',
  size: bytes.length,
  sha256: sha256(bytes),
  ...overrides,
});

async function create(code: string, body: object, who: Who = 'clerk') {
  return as(who).post<Created & ErrorBody>(`/v1/dossiers/${code}/documents`, body);
}

/** PUT the bytes to the presigned URL with the headers the API said to send. */
async function upload(created: Created, bytes: Buffer): Promise<number> {
  const res = await fetch(created.uploadUrl, {
    method: created.method,
    headers: created.headers,
    body: bytes,
  });
  await res.arrayBuffer();
  return res.status;
}

const complete = (code: string, documentId: string, who: Who = 'clerk') =>
  as(who).post<DocumentBody & ErrorBody>(`/v1/dossiers/${code}/documents/${documentId}/complete`);

/** Declares, uploads and completes one scan. */
async function attach(
  code: string,
  bytes: Buffer,
  overrides: Record<string, unknown> = {},
  who: Who = 'clerk',
) {
  const created = await create(code, declare(bytes, overrides), who);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(await upload(created.body, bytes)).toBe(200);
  return complete(code, created.body.documentId, who);
}

const listed = async (code: string, who: Who = 'clerk') =>
  (await as(who).get<{ items: DocumentBody[] }>(`/v1/dossiers/${code}/documents`)).body.items;

describe('API: scans to S3', () => {
  it('uploads, completes, lists and downloads a scan, and records it in the history', async () => {
    const dossier = await newDossier();
    const bytes = pdf(64 * 1024);
    const created = await create(dossier.code, declare(bytes));
    expect(created.status).toBe(201);
    const { documentId, uploadUrl, headers } = created.body;
    expect(documentId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(created.headers.get('location')).toBe(`/v1/dossiers/${dossier.code}/documents/${documentId}`);
    // The key is the server's: ward / code / document id.
    expect(new URL(uploadUrl).pathname).toBe(
      `/${scansBucketFor('hai-chau')}/hai-chau-i/${dossier.code}/${documentId}`,
    );
    expect(headers).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'x-amz-checksum-sha256': createHash('sha256').update(bytes).digest('base64'),
    });
    expect(await listed(dossier.code)).toEqual([]);

    expect(await upload(created.body, bytes)).toBe(200);
    const done = await complete(dossier.code, documentId);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      documentId,
      state: 'complete',
      size: bytes.length,
      sha256: sha256(bytes),
    });
    expect(done.body).not.toHaveProperty('key');
    // Completing again (a retried request) answers the same document and attaches nothing more.
    expect((await complete(dossier.code, documentId)).body).toEqual(done.body);

    const items = await listed(dossier.code);
    expect(items.map((d) => d.documentId)).toEqual([documentId]);
    const one = await as('clerk').get<DocumentBody>(`/v1/dossiers/${dossier.code}/documents/${documentId}`);
    expect(one.status).toBe(200);
    const download = await fetch(one.body.downloadUrl as string);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `inline; filename="Giay to can chung thuc chu ky.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20t%E1%BB%9D%20c%E1%BA%A7n%20ch%E1%BB%A9ng%20th%E1%BB%B1c%20ch%E1%BB%AF%20k%C3%BD.pdf`,
    );

    const page = await as('clerk').get<DossierBody & { documentCount: number; history: object[] }>(
      `/v1/dossiers/${dossier.code}`,
    );
    expect(page.body).toMatchObject({ version: 2, documentCount: 1, status: 'received' });
    expect(page.body.history.at(-1)).toMatchObject({
      seq: 2,
      action: 'attach_document',
      from: 'received',
      to: 'received',
      actor: { userId: 'clerk.hai-chau-i', role: 'clerk' },
      documentId,
    });
  });

  it('keeps the pages of a scan uploaded as images in order', async () => {
    const dossier = await newDossier();
    const ids: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await attach(dossier.code, png(), {
        name: 'Sổ hộ khẩu.png',
        contentType: 'image/png',
        page,
      });
      expect(res.status).toBe(200);
      ids.push(res.body.documentId);
    }
    const items = await listed(dossier.code);
    expect(items.map((d) => [d.documentId, d.page])).toEqual(ids.map((id, i) => [id, i + 1]));
  });

  it('attaches every scan when colleagues complete theirs at the same moment', async () => {
    const dossier = await newDossier();
    const who: Who[] = ['clerk', 'specialist', 'leader', 'clerk', 'specialist'];
    const prepared = await Promise.all(
      who.map(async (w) => {
        const bytes = pdf();
        const created = await create(dossier.code, declare(bytes), w);
        expect(await upload(created.body, bytes)).toBe(200);
        return { w, id: created.body.documentId };
      }),
    );
    const results = await Promise.all(prepared.map(({ w, id }) => complete(dossier.code, id, w)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const page = await as('clerk').get<{
      version: number;
      documentCount: number;
      history: { action: string }[];
    }>(`/v1/dossiers/${dossier.code}`);
    expect(page.body).toMatchObject({ version: 6, documentCount: 5 });
    expect(page.body.history.filter((h) => h.action === 'attach_document')).toHaveLength(5);
  });
});

describe('API: scans that are not what they claim are rejected and deleted', () => {
  it('rejects a PNG renamed to .pdf with 422 naming contentType, and deletes it', async () => {
    const dossier = await newDossier();
    const bytes = png(4096);
    const created = await create(dossier.code, declare(bytes, { name: 'Bản quét.pdf' }));
    expect(await upload(created.body, bytes)).toBe(200);
    const res = await complete(dossier.code, created.body.documentId);
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      {
        field: 'contentType',
        reason:
          'the upload was rejected and deleted: the file is image/png, but application/pdf was declared',
      },
    ]);
    await expectGone(dossier.code, created.body.documentId);
  });

  it('rejects a file whose SHA-256 differs from the declared one, and deletes it', async () => {
    const dossier = await newDossier();
    const declared = pdf(4096);
    const sent = pdf(4096); // same length and type, other bytes
    const created = await create(dossier.code, declare(declared));
    expect(await upload(created.body, sent)).toBe(200); // S3 refuses it here; s3rver does not check
    const res = await complete(dossier.code, created.body.documentId);
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.field).toBe('sha256');
    await expectGone(dossier.code, created.body.documentId);
  });

  it('rejects a file of another length than declared, and deletes it', async () => {
    const dossier = await newDossier();
    const bytes = pdf(4096);
    const created = await create(dossier.code, declare(bytes));
    await upload(
      { ...created.body, headers: { ...created.body.headers, 'content-length': '5000' } },
      pdf(5000),
    );
    const res = await complete(dossier.code, created.body.documentId);
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]).toEqual({
      field: 'size',
      reason: 'the upload was rejected and deleted: the file has 5000 bytes, 4096 were declared',
    });
    await expectGone(dossier.code, created.body.documentId);
  });

  it('answers 409 to completing before anything was uploaded, and keeps the reservation', async () => {
    const dossier = await newDossier();
    const created = await create(dossier.code, declare(pdf()));
    const res = await complete(dossier.code, created.body.documentId);
    expect(res.status).toBe(409);
    expect((await documents.find(dossier.code, created.body.documentId))?.state).toBe('pending');
  });

  async function expectGone(code: string, documentId: string) {
    const key = `hai-chau-i/${code}/${documentId}`;
    expect(await inspectObject({ bucket: scansBucketFor('hai-chau'), key }, 1)).toBeUndefined();
    expect(await documents.find(code, documentId)).toBeUndefined();
    expect((await complete(code, documentId)).status).toBe(404);
    expect(await listed(code)).toEqual([]);
  }
});

describe('API: limits', () => {
  it('refuses a declared size over 50 MB with 400 naming size, and writes nothing', async () => {
    const dossier = await newDossier();
    const res = await create(dossier.code, { ...declare(pdf()), size: MAX_DOCUMENT_BYTES + 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'size', reason: `must be at most ${MAX_DOCUMENT_BYTES} bytes (50 MB)` },
    ]);
    expect(await documents.countHeld(dossier.code, new Date())).toBe(0);
  });

  it('refuses the 201st scan of a dossier with 409', async () => {
    const dossier = await newDossier();
    const now = new Date();
    const request = {
      name: 'Trang.png',
      kind: 'component',
      contentType: 'image/png',
      size: 10,
      sha256: 'a'.repeat(64),
    } as const;
    for (let i = 0; i < MAX_DOCUMENTS_PER_DOSSIER; i++) {
      await documents.addPending(
        pendingDocument(request, {
          documentId: `SEEDED${String(i).padStart(20, '0')}`,
          code: dossier.code,
          wardId: 'hai-chau-i',
          uploadedBy: 'clerk.hai-chau-i',
          createdAt: toLocalIso(now),
        }),
      );
    }
    const res = await create(dossier.code, declare(pdf()));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`dossier ${dossier.code} already holds 200 scans; the limit is 200`);
  });

  it('checks the limit again, exactly, when a scan is attached', async () => {
    const dossier = await newDossier();
    const bytes = pdf();
    const created = await create(dossier.code, declare(bytes));
    expect(await upload(created.body, bytes)).toBe(200);
    const stored = await dossiers.get(dossier.code);
    await dossiers.putRaw({ ...stored, documentCount: MAX_DOCUMENTS_PER_DOSSIER });
    const res = await complete(dossier.code, created.body.documentId);
    expect(res.status).toBe(409);
    expect(await documents.find(dossier.code, created.body.documentId)).toBeUndefined();
  });
});

describe('API: who may upload and see scans', () => {
  let code: string;
  let documentId: string;
  beforeAll(async () => {
    code = (await newDossier()).code;
    documentId = (await attach(code, pdf())).body.documentId;
  });

  it.each<[Who, number]>([
    ['clerk', 201],
    ['specialist', 201],
    ['leader', 201],
    ['admin', 403],
    ['otherClerk', 403],
    ['district', 403],
    ['city', 403],
  ])('%s declaring an upload: %i', async (who, status) => {
    expect((await create(code, declare(pdf()), who)).status).toBe(status);
  });

  it.each<[Who, number]>([
    ['clerk', 200],
    ['admin', 200],
    ['district', 200],
    ['city', 200],
    ['otherClerk', 403],
    ['otherDistrict', 403],
  ])('%s listing and downloading: %i', async (who, status) => {
    const list = await as(who).get<{ items: DocumentBody[] }>(`/v1/dossiers/${code}/documents`);
    const one = await as(who).get<DocumentBody>(`/v1/dossiers/${code}/documents/${documentId}`);
    expect([list.status, one.status]).toEqual([status, status]);
    if (status === 403) expect(one.body).not.toHaveProperty('downloadUrl');
  });

  it('gives a user from another ward 403 on completing, too', async () => {
    const created = await create(code, declare(pdf()));
    expect((await complete(code, created.body.documentId, 'otherClerk')).status).toBe(403);
  });

  it('answers 404 for an unknown dossier or document, and 401 without a token', async () => {
    expect((await create('000.01.01.H17-200101-0001', declare(pdf()))).status).toBe(404);
    expect((await as('clerk').get('/v1/dossiers/nope/documents')).status).toBe(404);
    expect((await as('clerk').get(`/v1/dossiers/${code}/documents/01ARZ3NDEKTSV4RRFFQ69G5FAV`)).status).toBe(
      404,
    );
    expect((await complete(code, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
    expect((await api(server.url).get(`/v1/dossiers/${code}/documents`)).status).toBe(401);
  });

  it('does not hand out a pending upload', async () => {
    const created = await create(code, declare(pdf()));
    expect((await as('clerk').get(`/v1/dossiers/${code}/documents/${created.body.documentId}`)).status).toBe(
      404,
    );
  });
});
