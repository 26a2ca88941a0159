import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
beforeAll(async () => {
  server = await startTestApi();
});
afterAll(() => server?.stop());

interface Procedure {
  id: string;
  name: string;
  fieldId: string;
  processingDays: number | null;
}

describe('API: procedures and units', () => {
  it('lists the whole catalogue, and finds by words without accents', async () => {
    const all = await api(server.url).get<{ items: Procedure[] }>('/v1/procedures');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(23);
    const found = await api(server.url).get<{ items: Procedure[] }>('/v1/procedures?q=khai%20sinh');
    expect(found.body.items.map((p) => p.id).sort()).toEqual(['1.000689', '1.001193', '1.004884'].sort());
    const byField = await api(server.url).get<{ items: Procedure[] }>('/v1/procedures?fieldId=chung-thuc');
    expect(byField.body.items).toHaveLength(5);
  });

  it('gives one procedure with unknowns left unknown, and 404 for an unknown id', async () => {
    const one = await api(server.url).get<Procedure>('/v1/procedures/1.004873');
    expect(one.body).toMatchObject({ name: 'Xác nhận tình trạng hôn nhân', processingDays: null });
    expect((await api(server.url).get('/v1/procedures/0.000000')).status).toBe(404);
  });

  it('lists the 7 districts and 56 wards, each with an agency code', async () => {
    const res = await api(server.url).get<{
      districts: { id: string; wards: { id: string; agencyCode: string }[] }[];
    }>('/v1/units');
    expect(res.body.districts).toHaveLength(7);
    const wards = res.body.districts.flatMap((d) => d.wards);
    expect(wards).toHaveLength(56);
    expect(new Set(wards.map((w) => w.agencyCode)).size).toBe(56);
  });

  it('answers health checks', async () => {
    expect((await api(server.url).get<{ status: string }>('/v1/health')).body.status).toBe('ok');
  });
});
