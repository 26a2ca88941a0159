import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierBody, intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
let tokens: Record<
  'clerk' | 'specialist' | 'leader' | 'otherClerk' | 'district' | 'otherDistrict' | 'city',
  string
>;

beforeAll(async () => {
  server = await startTestApi();
  const [clerk, specialist, leader, otherClerk, district, otherDistrict, city] = await Promise.all(
    [
      'clerk.hai-chau-i',
      'specialist.hai-chau-i',
      'leader.hai-chau-i',
      'clerk.thach-thang',
      'district.hai-chau',
      'district.son-tra',
      'city',
    ].map((u) => login(server.url, u)),
  );
  tokens = { clerk, specialist, leader, otherClerk, district, otherDistrict, city } as typeof tokens;
});
afterAll(() => server?.stop());

const as = (who: keyof typeof tokens) => api(server.url, tokens[who]);

async function act(who: keyof typeof tokens, dossier: DossierBody, action: string, extra: object = {}) {
  const res = await as(who).post<DossierBody>(`/v1/dossiers/${dossier.code}/actions`, {
    action,
    version: dossier.version,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('API: a dossier from the counter to the returned result', () => {
  it('receives, routes, pauses, approves and returns, with a full history and the public status at each step', async () => {
    const created = await as('clerk').post<DossierBody>('/v1/wards/hai-chau-i/dossiers', intakeBody());
    expect(created.status).toBe(201);
    const dossier = created.body;
    expect(dossier.code).toMatch(/^000\.01\.01\.H17-\d{6}-0001$/);
    expect(dossier.lookupKey).toMatch(/^[A-HJ-KMNP-Z2-9]{8}$/);
    expect(dossier).toMatchObject({ status: 'received', nationalStatus: 2, version: 1 });
    expect(dossier.dueAt).toMatch(/T17:00:00\+07:00$/);
    expect(created.headers.get('location')).toBe(`/v1/dossiers/${dossier.code}`);

    const publicStatus = async () =>
      (
        await api(server.url).get<{ nationalStatus: number }>(
          `/v1/public/dossiers/${dossier.code}?key=${dossier.lookupKey}`,
        )
      ).body.nationalStatus;
    expect(await publicStatus()).toBe(2);

    let d = await act('clerk', dossier, 'route', { assignee: 'specialist.hai-chau-i' });
    expect(d).toMatchObject({
      status: 'processing',
      nationalStatus: 4,
      assignee: 'specialist.hai-chau-i',
      version: 2,
    });
    expect(await publicStatus()).toBe(4);
    d = await act('specialist', d, 'request_supplement', { reason: 'Thiếu bản chính giấy tờ tùy thân' });
    expect(await publicStatus()).toBe(5);
    d = await act('clerk', d, 'supplement_received');
    d = await act('specialist', d, 'request_payment');
    expect(await publicStatus()).toBe(6);
    d = await act('clerk', d, 'payment_received');
    d = await act('specialist', d, 'submit_for_approval');
    d = await act('leader', d, 'send_back', { reason: 'Kiểm tra lại chữ ký' });
    d = await act('specialist', d, 'submit_for_approval');
    d = await act('leader', d, 'approve');
    d = await act('specialist', d, 'mark_result_ready');
    expect(await publicStatus()).toBe(9);
    d = await act('clerk', d, 'return_result');
    expect(d).toMatchObject({ status: 'returned', nationalStatus: 10, version: 12 });
    expect(await publicStatus()).toBe(10);

    const page = await as('clerk').get<DossierBody>(`/v1/dossiers/${dossier.code}`);
    expect(page.status).toBe(200);
    expect(page.body.history?.map((h) => h.action)).toEqual([
      'receive',
      'route',
      'request_supplement',
      'supplement_received',
      'request_payment',
      'payment_received',
      'submit_for_approval',
      'send_back',
      'submit_for_approval',
      'approve',
      'mark_result_ready',
      'return_result',
    ]);
    expect(page.body.history?.[7]).toMatchObject({
      from: 'awaiting_approval',
      to: 'processing',
      actor: { userId: 'leader.hai-chau-i' },
    });
    expect(page.body.allowedActions).toEqual([]);
    expect(page.body).not.toHaveProperty('lookupKeyHash');
  });

  it('records a refusal at reception with national status 3 and a code, so it is counted', async () => {
    const res = await as('clerk').post<DossierBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody({ outcome: 'refused', reason: 'Không thuộc thẩm quyền của UBND phường', documents: [] }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'refused', nationalStatus: 3 });
    expect(res.body.code).toMatch(/-\d{4}$/);
  });

  it('shows nothing personal on the public page, and a wrong key exactly like an unknown code', async () => {
    const { body: d } = await as('clerk').post<DossierBody>('/v1/wards/hai-chau-i/dossiers', intakeBody());
    const ok = await api(server.url).get<Record<string, unknown>>(
      `/v1/public/dossiers/${d.code}?key=${d.lookupKey.toLowerCase()}`,
    );
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toMatch(/Ngọc|048190000123|0905/);
    expect(ok.body).toMatchObject({
      code: d.code,
      nationalStatus: 2,
      ward: { id: 'hai-chau-i', name: 'Phường Hải Châu I' },
    });

    const wrongKey = await api(server.url).get(`/v1/public/dossiers/${d.code}?key=AAAAAAAA`);
    const noKey = await api(server.url).get(`/v1/public/dossiers/${d.code}`);
    const unknown = await api(server.url).get('/v1/public/dossiers/000.01.01.H17-200101-0001?key=AAAAAAAA');
    const garbage = await api(server.url).get(
      `/v1/public/dossiers/${'x'.repeat(300)}?key=${'y'.repeat(300)}`,
    );
    for (const res of [wrongKey, noKey, unknown, garbage]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(wrongKey.body);
    }
  });

  it('lets the ward, its district and the city read a dossier, and no one else', async () => {
    const { body: d } = await as('clerk').post<DossierBody>('/v1/wards/hai-chau-i/dossiers', intakeBody());
    for (const who of ['clerk', 'specialist', 'leader', 'district', 'city'] as const) {
      expect((await as(who).get(`/v1/dossiers/${d.code}`)).status).toBe(200);
    }
    expect((await as('otherClerk').get(`/v1/dossiers/${d.code}`)).status).toBe(403);
    expect((await as('otherDistrict').get(`/v1/dossiers/${d.code}`)).status).toBe(403);
    expect(
      (
        await as('otherClerk').post(`/v1/dossiers/${d.code}/actions`, {
          action: 'withdraw',
          version: 1,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    const official = await as('city').post(`/v1/dossiers/${d.code}/actions`, {
      action: 'withdraw',
      version: 1,
      reason: 'x',
    });
    expect(official.status).toBe(403);
  });
});

describe('API: concurrency', () => {
  it('gives 50 concurrent intakes in one ward the codes 0001–0050, no gaps, no duplicates', async () => {
    const ward = 'thanh-binh';
    const token = await login(server.url, `clerk.${ward}`);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        api(server.url, token).post<DossierBody>(`/v1/wards/${ward}/dossiers`, intakeBody()),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const sequences = responses.map((r) => Number(r.body.code.slice(-4))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('lets exactly one of two concurrent actions on the same version succeed', async () => {
    const { body: d } = await as('clerk').post<DossierBody>('/v1/wards/hai-chau-i/dossiers', intakeBody());
    const [a, b] = await Promise.all([
      as('clerk').post(`/v1/dossiers/${d.code}/actions`, {
        action: 'route',
        version: 1,
        assignee: 'specialist.hai-chau-i',
      }),
      as('leader').post(`/v1/dossiers/${d.code}/actions`, {
        action: 'stop',
        version: 1,
        reason: 'Theo đề nghị của cơ quan có thẩm quyền',
      }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 409]);
    const page = await as('clerk').get<DossierBody>(`/v1/dossiers/${d.code}`);
    expect(page.body.version).toBe(2);
    expect(page.body.history).toHaveLength(2);
  });
});
