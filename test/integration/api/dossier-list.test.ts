import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierRepository } from '#adapters/dossier-repository';
import { type DossierBody, intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
let clerk: ReturnType<typeof api>;
const ward = 'hoa-cuong-bac';
const codes: string[] = [];

interface ListBody {
  items: DossierBody[];
  cursor: string | null;
}

beforeAll(async () => {
  server = await startTestApi();
  clerk = api(server.url, await login(server.url, `clerk.${ward}`));
  // Seven dossiers: processing days 0–6 give seven distinct due dates.
  for (let days = 0; days < 7; days++) {
    const res = await clerk.post<DossierBody>(
      `/v1/wards/${ward}/dossiers`,
      intakeBody({ procedureId: '1.004873', processingDays: days }),
    );
    codes.push(res.body.code);
  }
  const routed = (await clerk.get<DossierBody>(`/v1/dossiers/${codes[2]}`)).body;
  await clerk.post(`/v1/dossiers/${routed.code}/actions`, {
    action: 'route',
    version: routed.version,
    assignee: `specialist.${ward}`,
  });
  // One dossier whose due time has passed (as if received long ago).
  const late = await new DossierRepository().get(codes[0] as string);
  await new DossierRepository().putRaw({ ...late, dueAt: '2026-01-05T17:00:00+07:00' });
  const withdrawn = (await clerk.get<DossierBody>(`/v1/dossiers/${codes[3]}`)).body;
  await clerk.post(`/v1/dossiers/${withdrawn.code}/actions`, {
    action: 'withdraw',
    version: 1,
    reason: 'Công dân rút',
  });
});
afterAll(() => server?.stop());

describe('API: GET /v1/wards/{wardId}/dossiers', () => {
  it('lists open dossiers by due time, earliest first, without closed ones', async () => {
    const res = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers`);
    expect(res.status).toBe(200);
    const listed = res.body.items.map((d) => d.code);
    expect(listed).toEqual(codes.filter((_, i) => i !== 3));
    const due = res.body.items.map((d) => d.dueAt);
    expect([...due].sort()).toEqual(due);
    expect(res.body.items[0]).not.toHaveProperty('lookupKeyHash');
  });

  it('pages with a cursor until every dossier is seen once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res: { body: ListBody } = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers?limit=2${query}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((d) => d.code));
      cursor = res.body.cursor;
    } while (cursor);
    expect(seen).toEqual(codes.filter((_, i) => i !== 3));
  });

  it('filters by status, including closed ones', async () => {
    const withdrawn = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers?status=withdrawn`);
    expect(withdrawn.body.items.map((d) => d.code)).toEqual([codes[3]]);
    const processing = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers?status=processing`);
    expect(processing.body.items.map((d) => d.code)).toEqual([codes[2]]);
  });

  it('gives a specialist their inbox by assignee', async () => {
    const specialist = api(server.url, await login(server.url, `specialist.${ward}`));
    const res = await specialist.get<ListBody>(`/v1/wards/${ward}/dossiers?assignee=specialist.${ward}`);
    expect(res.body.items.map((d) => d.code)).toEqual([codes[2]]);
  });

  it('splits overdue from not overdue by the due time', async () => {
    const overdue = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers?overdue=true`);
    const notOverdue = await clerk.get<ListBody>(`/v1/wards/${ward}/dossiers?overdue=false`);
    const now = new Date().toISOString();
    for (const d of overdue.body.items) expect(new Date(d.dueAt).toISOString() < now).toBe(true);
    for (const d of notOverdue.body.items) expect(new Date(d.dueAt).toISOString() >= now).toBe(true);
    expect(overdue.body.items.map((d) => d.code)).toEqual([codes[0]]);
    expect(notOverdue.body.items).toHaveLength(5);
  });

  it('lets district and city officials read, and other wards not', async () => {
    expect(
      (await api(server.url, await login(server.url, 'district.hai-chau')).get(`/v1/wards/${ward}/dossiers`))
        .status,
    ).toBe(200);
    expect(
      (await api(server.url, await login(server.url, 'city')).get(`/v1/wards/${ward}/dossiers`)).status,
    ).toBe(200);
    expect(
      (await api(server.url, await login(server.url, 'district.son-tra')).get(`/v1/wards/${ward}/dossiers`))
        .status,
    ).toBe(403);
    expect(
      (await api(server.url, await login(server.url, 'clerk.hai-chau-i')).get(`/v1/wards/${ward}/dossiers`))
        .status,
    ).toBe(403);
  });
});
