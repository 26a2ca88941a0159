import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '#adapters/repositories';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import type { DossierStatus } from '#domain/dossier/status';
import { addDays, localDateOf, toLocalIso } from '#domain/time';
import { qrMatrix } from '#forms/codes';
import { type DossierBody, intakeBody } from '../../support/intake.ts';
import { PATHS, REFUSE_REASON, type Step } from '../../support/lifecycle-paths.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';
import { pdfText } from '../../support/pdf-text.ts';

const APPLICANT = 'Trần Thị Bích Ngọc';
const FORMS = ['01', '02', '03', '04', '06'] as const;
type Who = 'clerk' | 'specialist' | 'leader' | 'otherClerk' | 'district';

let server: TestApi;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  server = await startTestApi();
  const users: Record<Who, string> = {
    clerk: 'clerk.hai-chau-i',
    specialist: 'specialist.hai-chau-i',
    leader: 'leader.hai-chau-i',
    otherClerk: 'clerk.thach-thang',
    district: 'district.hai-chau',
  };
  for (const [who, username] of Object.entries(users)) tokens[who as Who] = await login(server.url, username);
});
afterAll(() => server?.stop());

const as = (who: Who) => api(server.url, tokens[who]);

/** GET a form as bytes. */
async function getForm(who: Who, path: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, bytes };
}

/** The path data of each QR code of an HTML form, in page order. */
function qrCodesIn(html: string): string[] {
  return [...html.matchAll(/<svg role="img" aria-label="QR"[^>]*><path d="([^"]*)"\/><\/svg>/g)].map(
    (m) => m[1] as string,
  );
}

/** The path data the HTML preview draws for a QR code of `text`: one unit square per dark module. */
function qrPath(text: string): string {
  const qr = qrMatrix(text);
  let d = '';
  for (let y = 0; y < qr.size; y++)
    for (let x = 0; x < qr.size; x++) if (qr.isDark(x, y)) d += `M${x} ${y}h1v1h-1z`;
  return d;
}

/** `dd/mm/yyyy` of a stored `YYYY-MM-DDTHH:MM:SS+07:00`, written out independently of the code under test. */
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

type Received = DossierBody & { receivedAt: string; receiptUrl: string };

/** A dossier received at the counter and walked along `steps` through the API. */
async function dossierAlong(steps: readonly Step[]): Promise<Received> {
  const created = await as('clerk').post<Received>('/v1/wards/hai-chau-i/dossiers', intakeBody());
  expect(created.status).toBe(201);
  let d = created.body;
  for (const step of steps) {
    const { actor, ...command } = step;
    const res = await as(actor).post<Received>(`/v1/dossiers/${d.code}/actions`, {
      ...command,
      version: d.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    d = { ...res.body, lookupKey: created.body.lookupKey, receiptUrl: created.body.receiptUrl };
  }
  return d;
}

async function refusedDossier(): Promise<Received> {
  const res = await as('clerk').post<Received>(
    '/v1/wards/hai-chau-i/dossiers',
    intakeBody({ outcome: 'refused', reason: REFUSE_REASON, documents: [] }),
  );
  expect(res.status).toBe(201);
  return res.body;
}

/** The forms that apply to a dossier printed on time, per state (functions/ACTIONS.md, "Forms"). */
const APPLIES: Record<DossierStatus, readonly string[]> = {
  received: ['01', '06'],
  refused: ['03', '06'],
  processing: ['01', '06'],
  awaiting_supplement: ['01', '02', '06'],
  awaiting_payment: ['01', '06'],
  awaiting_approval: ['01', '06'],
  approved: ['01', '06'],
  rejected: ['01', '03', '06'],
  result_ready: ['01', '06'],
  returned: ['01', '06'],
  withdrawn: ['01', '06'],
  stopped: ['01', '06'],
};

describe('API: forms for a dossier in every state', () => {
  const states = Object.keys(APPLIES) as DossierStatus[];

  it.each(states)(
    '%s: each form that applies renders with the code, the name and the dates; the others answer 409',
    async (status) => {
      const d = status === 'refused' ? await refusedDossier() : await dossierAlong(PATHS[status]);
      expect(d.status).toBe(status);
      for (const form of FORMS) {
        const res = await getForm('clerk', `/v1/dossiers/${d.code}/forms/${form}`);
        if (!APPLIES[status].includes(form)) {
          expect(res.status, `form ${form}`).toBe(409);
          const error = JSON.parse(res.bytes.toString('utf8')) as {
            error: { code: string; message: string };
          };
          expect(error.error.code).toBe('conflict');
          expect(error.error.message).toMatch(new RegExp(`^form ${form} `));
          continue;
        }
        expect(res.status, `form ${form}`).toBe(200);
        expect(res.type).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toContain(`filename="mau-${form}-${d.code}.pdf"`);
        const { flat } = await pdfText(res.bytes);
        expect(flat, `form ${form}`).toContain(d.code);
        expect(flat, `form ${form}`).toContain(APPLICANT);
        expect(flat, `form ${form}`).toContain(ddmmyyyy(d.receivedAt));
        if (form === '01') expect(flat).toContain(`17:00 ngày ${ddmmyyyy(d.dueAt)}`);
        if (form === '03' && status === 'refused') expect(flat).toContain(REFUSE_REASON);
      }
    },
  );

  it('prints form 04 for an overdue dossier, with the new date; 400 without a working day after the due date', async () => {
    const d = await dossierAlong(PATHS.processing);
    const now = new Date();
    // Put the due time in the past, as if the clock had run out.
    const stored = await dossiers.get(d.code);
    const dueAt = toLocalIso(new Date(now.getTime() - 2 * 86_400_000));
    await dossiers.putRaw({ ...stored, dueAt });
    const calendar = new WorkingCalendar(new Map());
    const newDueAt = calendar.nextWorkingDay(addDays(localDateOf(now), 7));
    const path = `/v1/dossiers/${d.code}/forms/04`;

    const res = await getForm(
      'clerk',
      `${path}?newDueAt=${newDueAt}&reason=${encodeURIComponent('Cần xác minh thêm')}`,
    );
    expect(res.status).toBe(200);
    const { flat } = await pdfText(res.bytes);
    expect(flat).toContain(APPLICANT);
    expect(flat).toContain(d.code);
    expect(flat).toContain(
      `Thời hạn trả kết quả theo quy định: ${dueAt.slice(11, 16)} ngày ${ddmmyyyy(dueAt)}`,
    );
    expect(flat).toContain(`hẹn trả kết quả vào ngày ${ddmmyyyy(newDueAt)}`);
    expect(flat).toContain('Lý do: Cần xác minh thêm');
    expect(flat).toContain(`ngày ${ddmmyyyy(toLocalIso(now))}`);

    const field = async (query: string) => {
      const r = await getForm('clerk', `${path}${query}`);
      return {
        status: r.status,
        fields: (JSON.parse(r.bytes.toString()) as { error: { fields: unknown } }).error.fields,
      };
    };
    expect(await field('')).toEqual({
      status: 400,
      fields: [{ field: 'query.newDueAt', reason: 'is required for form 04 (YYYY-MM-DD)' }],
    });
    expect((await field('?newDueAt=12/03/2026')).status).toBe(400);
    const saturday = addDays(newDueAt, 6 - new Date(`${newDueAt}T00:00:00Z`).getUTCDay());
    expect(await field(`?newDueAt=${saturday}`)).toEqual({
      status: 400,
      fields: [{ field: 'query.newDueAt', reason: `${ddmmyyyy(saturday)} is not a working day` }],
    });
    expect((await field(`?newDueAt=${localDateOf(new Date(now.getTime() - 3 * 86_400_000))}`)).status).toBe(
      400,
    );
  });

  it('prints form 04 for a result finished late', async () => {
    const d = await dossierAlong(PATHS.result_ready);
    await dossiers.putRaw({ ...(await dossiers.get(d.code)), outcome: 'late' });
    const newDueAt = new WorkingCalendar(new Map()).nextWorkingDay(
      addDays(localDateOf(new Date(d.dueAt)), 3),
    );
    const res = await getForm('clerk', `/v1/dossiers/${d.code}/forms/04?newDueAt=${newDueAt}`);
    expect(res.status).toBe(200);
    expect((await pdfText(res.bytes)).flat).toContain('đã được giải quyết nhưng quá thời hạn');
  });
});

describe('API: the receipt at the counter', () => {
  it('links the receipt from the intake answer; it carries the key, and prints the same bytes twice', async () => {
    const d = await dossierAlong([]);
    expect(d.receiptUrl).toBe(`/v1/dossiers/${d.code}/forms/01?key=${d.lookupKey}`);
    const first = await getForm('clerk', d.receiptUrl);
    const second = await getForm('clerk', d.receiptUrl);
    expect(first.status).toBe(200);
    expect(first.bytes.equals(second.bytes)).toBe(true);
    const { pages } = await pdfText(first.bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(`Mã tra cứu hồ sơ: ${d.lookupKey}`);
    expect(pages[1]).not.toContain(d.lookupKey);
  });

  it('without a key prints where the key is; with a wrong key answers 403', async () => {
    const d = await dossierAlong([]);
    const plain = await getForm('clerk', `/v1/dossiers/${d.code}/forms/01`);
    expect((await pdfText(plain.bytes)).flat).toContain(
      'Mã tra cứu hồ sơ: in trên Giấy tiếp nhận bản gốc giao người nộp hồ sơ.',
    );
    expect((await pdfText(plain.bytes)).flat).not.toContain(d.lookupKey);
    const wrong = await getForm('clerk', `/v1/dossiers/${d.code}/forms/01?key=ABCDEFGH`);
    expect(wrong.status).toBe(403);
  });

  it('makes the applicant’s QR code open the web app’s public lookup with the code and key', async () => {
    const d = await dossierAlong([]);
    const res = await getForm('clerk', `${d.receiptUrl}&format=html`);
    expect(res.status).toBe(200);
    const link = `${server.url}/lookup?code=${encodeURIComponent(d.code)}&key=${encodeURIComponent(d.lookupKey)}`;
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lookup\?code=000\.01\.01\.H17-\d{6}-\d{4}&key=\w+$/);
    // The applicant's copy links to the lookup; the copy kept at the counter has no key to link with.
    expect(qrCodesIn(res.bytes.toString('utf8'))).toEqual([qrPath(link), qrPath(d.code)]);
    // The barcode, read by the counter's hand scanners, keeps the bare code.
    expect(res.bytes.toString('utf8')).toContain(`Mã hồ sơ: ${d.code}`);
  });

  it('keeps the bare code in the QR code without a key, or when the web app’s origin is not known', async () => {
    const d = await dossierAlong([]);
    const plain = await getForm('clerk', `/v1/dossiers/${d.code}/forms/01?format=html`);
    expect(qrCodesIn(plain.bytes.toString('utf8'))).toEqual([qrPath(d.code), qrPath(d.code)]);
    const origin = process.env.MOTCUA_WEB_URL;
    delete process.env.MOTCUA_WEB_URL;
    try {
      const keyed = await getForm('clerk', `${d.receiptUrl}&format=html`);
      expect(qrCodesIn(keyed.bytes.toString('utf8'))).toEqual([qrPath(d.code), qrPath(d.code)]);
    } finally {
      process.env.MOTCUA_WEB_URL = origin;
    }
  });

  it('links form 03 for a refusal at the counter', async () => {
    const d = await refusedDossier();
    expect(d.receiptUrl).toBe(`/v1/dossiers/${d.code}/forms/03`);
    expect((await getForm('clerk', d.receiptUrl)).status).toBe(200);
  });

  it('previews a form as escaped Vietnamese HTML', async () => {
    const d = await dossierAlong([]);
    const res = await getForm('clerk', `/v1/dossiers/${d.code}/forms/06?format=html`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    const html = res.bytes.toString('utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain(APPLICANT);
    expect(html).toContain(d.code);
    expect(html).toContain(ddmmyyyy(d.receivedAt));
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('lets whoever may read the dossier print it; another ward gets 403; bad form ids 400', async () => {
    const d = await dossierAlong([]);
    expect((await getForm('district', `/v1/dossiers/${d.code}/forms/06`)).status).toBe(200);
    expect((await getForm('otherClerk', `/v1/dossiers/${d.code}/forms/06`)).status).toBe(403);
    expect((await getForm('clerk', '/v1/dossiers/000.01.01.H17-200101-0001/forms/06')).status).toBe(404);
    const bad = await getForm('clerk', `/v1/dossiers/${d.code}/forms/05`);
    expect(bad.status).toBe(400);
    expect(bad.bytes.toString()).toContain('"field":"path.form"');
    expect((await getForm('clerk', `/v1/dossiers/${d.code}/forms/06?format=docx`)).status).toBe(400);
  });
});
