import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
let cityToken: string;
let clerkToken: string;

beforeAll(async () => {
  server = await startTestApi();
  [cityToken, clerkToken] = await Promise.all([
    login(server.url, 'city'),
    login(server.url, 'clerk.hai-chau-i'),
  ]);
});
afterAll(() => server?.stop());

interface ImportReport {
  imported: number;
  skipped: number;
  errors: { line: number; reason: string }[];
}

async function importFile(text: string, token = cityToken, contentType = 'application/x-ndjson') {
  const response = await fetch(`${server.url}/v1/import/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: text,
  });
  return { status: response.status, body: (await response.json()) as ImportReport };
}

const at = (day: string, time: string) => `2025-${day}T${time}:00+07:00`;

function row(sourceId: string, wardId: string, receivedAt: string, extra: object = {}) {
  return JSON.stringify({
    sourceId,
    wardId,
    procedureId: 'DN.HT.03',
    channel: 'in_person',
    applicant: { fullName: 'Lê Văn Cường' },
    documents: [{ name: 'Tờ khai', form: 'original', quantity: 1 }],
    receivedAt,
    ...extra,
  });
}

const SPECIALIST = 'specialist.hai-chau-i';
const returnedPath = [
  { action: 'route', at: at('10-06', '10:00'), assignee: SPECIALIST },
  { action: 'request_supplement', at: at('10-07', '09:00'), reason: 'Thiếu tờ khai' },
  { action: 'supplement_received', at: at('10-08', '09:00') },
  { action: 'submit_for_approval', at: at('10-09', '09:00') },
  { action: 'approve', at: at('10-09', '10:00') },
  { action: 'mark_result_ready', at: at('10-10', '16:00') },
  { action: 'return_result', at: at('10-13', '08:00') },
];
// 96 actions: with the counter, the dossier, its intake row and the marker, 100 transaction items.
const manyRoutes = Array.from({ length: 96 }, (_, i) => ({
  action: 'route',
  at: `2025-10-07T${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+07:00`,
  assignee: SPECIALIST,
}));

const FILE = [
  row('SRC-1', 'hai-chau-i', at('10-06', '09:00'), { actions: returnedPath }),
  '',
  row('SRC-2', 'atlantis', at('10-06', '09:00')),
  row('SRC-3', 'khue-trung', at('10-06', '10:00'), { procedureId: '2.000815', channel: 'online' }),
  row('SRC-4', 'hai-chau-i', at('10-06', '11:00'), {
    actions: [{ action: 'approve', at: at('10-06', '12:00') }],
  }),
  row('SRC-5', 'hai-chau-i', at('10-06', '08:00')),
  '{"sourceId": "SRC-6",',
  row('SRC-7', 'hai-chau-i', at('10-07', '07:30'), { outcome: 'refused', reason: 'Không thuộc thẩm quyền' }),
  row('SRC-8', 'hai-chau-i', at('10-07', '07:45'), { actions: manyRoutes }),
  '',
].join('\n');

describe('API: POST /v1/import/dossiers', () => {
  it('writes the good rows, reports the bad ones by line, and replays each dossier with its own dates', async () => {
    const res = await importFile(FILE);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      imported: 5,
      skipped: 0,
      errors: [
        { line: 3, reason: "wardId: unknown ward 'atlantis'" },
        { line: 5, reason: "actions.0 (approve): 'approve' is not allowed while the dossier is 'received'" },
        { line: 7, reason: expect.stringMatching(/^not valid JSON/) },
      ],
    });

    const city = api(server.url, cityToken);
    // Codes by receipt date and, within a ward and day, in order of receipt: SRC-5 (08:00) before SRC-1.
    const first = await city.get<Record<string, unknown>>('/v1/dossiers/000.01.01.H17-251006-0001');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'received', receivedAt: at('10-06', '08:00'), version: 1 });

    const returned = await city.get<{ history: Record<string, unknown>[] } & Record<string, unknown>>(
      '/v1/dossiers/000.01.01.H17-251006-0002',
    );
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'returned',
      nationalStatus: 10,
      receivedAt: at('10-06', '09:00'),
      // Due Thu 9/10, paused Tue 7/10 → Wed 8/10 (one working day) → Fri 10/10.
      dueAt: '2025-10-10T17:00:00+07:00',
      pausedWorkingDays: 1,
      finishedAt: at('10-10', '16:00'),
      outcome: 'on_time',
      version: 8,
    });
    expect(
      returned.body.history.map((h) => [h.seq, h.action, (h.actor as { userId: string }).userId, h.at]),
    ).toEqual([
      [1, 'receive', 'clerk.hai-chau-i', at('10-06', '09:00')],
      [2, 'route', 'clerk.hai-chau-i', at('10-06', '10:00')],
      [3, 'request_supplement', 'clerk.hai-chau-i', at('10-07', '09:00')],
      [4, 'supplement_received', 'clerk.hai-chau-i', at('10-08', '09:00')],
      [5, 'submit_for_approval', SPECIALIST, at('10-09', '09:00')],
      [6, 'approve', 'leader.hai-chau-i', at('10-09', '10:00')],
      [7, 'mark_result_ready', 'clerk.hai-chau-i', at('10-10', '16:00')],
      [8, 'return_result', 'clerk.hai-chau-i', at('10-13', '08:00')],
    ]);
    for (const entry of returned.body.history) expect(entry.note).toContain('mã nguồn SRC-1');

    const cam = await city.get<Record<string, unknown>>('/v1/dossiers/000.01.06.H17-251006-0001');
    expect(cam.body).toMatchObject({ wardId: 'khue-trung', channel: 'online', status: 'received' });
    const refused = await city.get<Record<string, unknown>>('/v1/dossiers/000.01.01.H17-251007-0001');
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'Không thuộc thẩm quyền' });
    const long = await city.get<{ history: unknown[] } & Record<string, unknown>>(
      '/v1/dossiers/000.01.01.H17-251007-0002',
    );
    expect(long.body).toMatchObject({ status: 'processing', version: 97 });
    expect(long.body.history).toHaveLength(97);
    // Nothing of the refused rows was written, and no code was spent on them.
    expect((await city.get('/v1/dossiers/000.01.01.H17-251006-0003')).status).toBe(404);
  });

  it('writes nothing when the same file comes again: every good row is skipped', async () => {
    const res = await importFile(FILE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 0, skipped: 5 });
    expect(res.body.errors.map((e) => e.line)).toEqual([3, 5, 7]);
    const city = api(server.url, cityToken);
    expect((await city.get('/v1/dossiers/000.01.01.H17-251006-0003')).status).toBe(404);
    // Nor was any history row written twice.
    const again = await city.get<{ history: unknown[] }>('/v1/dossiers/000.01.01.H17-251006-0002');
    expect(again.body.history).toHaveLength(8);
  });

  it('imports a dossier once when the same file is sent twice at the same time', async () => {
    const file = Array.from({ length: 6 }, (_, i) =>
      row(`RACE-${i}`, i % 2 ? 'thach-thang' : 'hoa-an', at('10-20', `09:0${i}`)),
    ).join('\n');
    const [a, b] = await Promise.all([importFile(file), importFile(file)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.imported + b.body.imported).toBe(6);
    expect(a.body.skipped + b.body.skipped).toBe(6);
    const city = api(server.url, cityToken);
    for (const agency of ['000.03.01.H17', '000.03.06.H17']) {
      for (const seq of ['0001', '0002', '0003'])
        expect((await city.get(`/v1/dossiers/${agency}-251020-${seq}`)).status).toBe(200);
      expect((await city.get(`/v1/dossiers/${agency}-251020-0004`)).status).toBe(404);
    }
  });

  it('is for city officials only', async () => {
    const res = await importFile(FILE, clerkToken);
    expect(res.status).toBe(403);
  });

  it('takes NDJSON only, and at most 5000 dossiers a request', async () => {
    expect((await importFile(FILE, cityToken, 'application/json')).status).toBe(415);
    const tooMany = await importFile(Array.from({ length: 5001 }, () => '{}').join('\n'));
    expect(tooMany.status).toBe(413);
  });
});
