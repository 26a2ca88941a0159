import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
beforeAll(async () => {
  server = await startTestApi();
});
afterAll(() => server?.stop());

interface Schedule {
  year: number;
  source: string;
  days: { date: string; kind: string; name: string; lunar?: string }[];
}

describe('API: GET /v1/calendar/{year}', () => {
  it('gives the statutory schedule with lunar dates and compensation days', async () => {
    const res = await api(server.url).get<Schedule>('/v1/calendar/2026');
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('statutory');
    const byDate = Object.fromEntries(res.body.days.map((d) => [d.date, d]));
    expect(byDate['2026-02-17']).toMatchObject({ kind: 'holiday', lunar: '1/1' });
    expect(byDate['2026-02-16']).toMatchObject({ kind: 'holiday', lunar: '29/12' });
    // Giỗ Tổ falls on Sunday 26/4/2026: the weekend is implied, Monday is the day in lieu.
    expect(byDate['2026-04-26']).toBeUndefined();
    expect(byDate['2026-04-27']).toMatchObject({ kind: 'day_off' });
  });

  it('answers years outside 1900–2100 and non-years with 400', async () => {
    expect((await api(server.url).get('/v1/calendar/1899')).status).toBe(400);
    expect((await api(server.url).get('/v1/calendar/2101')).status).toBe(400);
    expect((await api(server.url).get('/v1/calendar/20x6')).status).toBe(400);
  });
});

describe('API: PUT /v1/calendar/{year}', () => {
  const announced = {
    days: [
      { date: '2027-02-05', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
      { date: '2027-02-08', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
      { date: '2027-02-09', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
      { date: '2027-01-30', kind: 'makeup_workday', name: 'Làm bù' },
    ],
  };

  it('is for city officials only', async () => {
    const clerk = await login(server.url, 'clerk.hai-chau-i');
    expect((await api(server.url, clerk).put('/v1/calendar/2027', announced)).status).toBe(403);
    expect((await api(server.url).put('/v1/calendar/2027', announced)).status).toBe(401);
  });

  it('replaces the year with the announced schedule, which then drives due dates', async () => {
    const city = await login(server.url, 'city');
    const put = await api(server.url, city).put<Schedule>('/v1/calendar/2027', announced);
    expect(put.status).toBe(200);
    const got = await api(server.url).get<Schedule>('/v1/calendar/2027');
    expect(got.body.source).toBe('announced');
    expect(got.body.days.map((d) => d.date)).toEqual([
      '2027-01-30',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
    ]);
    // Received Friday 29/1 after the cut-off: counted from the make-up Saturday 30/1.
    const due = await api(server.url).get<{ countedFrom: string; dueAt: string }>(
      `/v1/calendar/due?days=1&receivedAt=${encodeURIComponent('2027-01-29T17:30:00+07:00')}`,
    );
    expect(due.body).toEqual({
      receivedAt: '2027-01-29T17:30:00+07:00',
      countedFrom: '2027-01-30',
      dueAt: '2027-02-01T17:00:00+07:00',
    });
  });

  it('answers an invalid schedule with 400 naming the element, and keeps the old one', async () => {
    const city = await login(server.url, 'city');
    const res = await api(server.url, city).put<{ error: { fields: { field: string }[] } }>(
      '/v1/calendar/2028',
      {
        days: [
          { date: '2027-12-31', kind: 'holiday', name: 'Sai năm' },
          { date: '2028-01-08', kind: 'holiday', name: 'Thứ bảy' },
        ],
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.field)).toEqual(['days.0.date', 'days.1.date']);
    expect((await api(server.url).get<Schedule>('/v1/calendar/2028')).body.source).toBe('statutory');
  });
});

describe('API: GET /v1/calendar/due', () => {
  it('applies a procedure’s cut-off: certification after 15:00 counts from the next working day', async () => {
    const at = encodeURIComponent('2026-03-02T15:30:00+07:00');
    const res = await api(server.url).get(`/v1/calendar/due?procedureId=2.000884&receivedAt=${at}`);
    expect(res.body).toEqual({
      receivedAt: '2026-03-02T15:30:00+07:00',
      countedFrom: '2026-03-03',
      dueAt: '2026-03-03T17:00:00+07:00',
    });
  });

  it('counts N working days across Tết', async () => {
    const res = await api(server.url).get('/v1/calendar/due?days=3&receivedAt=2026-02-13T09:00:00%2B07:00');
    expect(res.body).toMatchObject({ countedFrom: '2026-02-13', dueAt: '2026-02-25T17:00:00+07:00' });
  });

  it('accepts an unencoded +07:00 and answers in +07:00 for a UTC input', async () => {
    const plus = await api(server.url).get('/v1/calendar/due?days=0&receivedAt=2026-03-02T08:00:00+07:00');
    expect(plus.status).toBe(200);
    const utc = await api(server.url).get(
      '/v1/calendar/due?days=0&cutoff=17:00&receivedAt=2026-03-02T01:00:00Z',
    );
    expect(utc.body).toEqual({
      receivedAt: '2026-03-02T08:00:00+07:00',
      countedFrom: '2026-03-02',
      dueAt: '2026-03-02T17:00:00+07:00',
    });
  });

  it('answers 422 for a procedure whose processing time the catalogue does not know', async () => {
    const res = await api(server.url).get<{ error: { fields: { field: string }[] } }>(
      '/v1/calendar/due?receivedAt=2026-03-02T08:00:00Z&procedureId=1.004873',
    );
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]?.field).toBe('query.procedureId');
  });

  it('answers bad queries with 400 and unknown procedures with 404', async () => {
    expect((await api(server.url).get('/v1/calendar/due?receivedAt=yesterday&days=1')).status).toBe(400);
    expect((await api(server.url).get('/v1/calendar/due?receivedAt=2026-03-02T08:00:00Z')).status).toBe(400);
    expect(
      (await api(server.url).get('/v1/calendar/due?receivedAt=2026-03-02T08:00:00Z&days=1&cutoff=25:00'))
        .status,
    ).toBe(400);
    expect(
      (await api(server.url).get('/v1/calendar/due?receivedAt=2026-03-02T08:00:00Z&procedureId=0.000000'))
        .status,
    ).toBe(404);
  });
});
