import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierRepository } from '#adapters/dossier-repository';
import { cityTable, documentClient } from '#adapters/dynamodb';
import { deviceStatsPk, deviceStatsSk, queueStatsPk, queueStatsSk } from '#adapters/queue-stats-keys';
import { statsPk, statsSk } from '#adapters/stats-keys';
import { dossierIn } from '../../support/dossiers.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
const clients = new Map<string, ReturnType<typeof api>>();

/** The API client of a demo user logged in before the tests. */
function as(user: string): ReturnType<typeof api> {
  const client = clients.get(user);
  if (!client) throw new Error(`${user} did not log in`);
  return client;
}
const OVERDUE_CODE = '000.01.01.H17-260105-0007';

/** Dossier counters of one ward, field and day, as the aggregation writes them. */
const dossierStats = (wardId: string, districtId: string, day: string, counts: Record<string, number>) => ({
  pk: statsPk(wardId),
  sk: statsSk('D', day, 'ho-tich', '1.004873'),
  wardId,
  districtId,
  fieldId: 'ho-tich',
  procedureId: '1.004873',
  grain: 'D',
  period: day,
  ...counts,
});

const queueStats = (day: string, counter: number, clerk: string, figures: Record<string, number>) => {
  const key = { fieldId: 'ho-tich', counter, clerk };
  return {
    pk: queueStatsPk('hai-chau-i'),
    sk: queueStatsSk('D', day, key),
    wardId: 'hai-chau-i',
    districtId: 'hai-chau',
    grain: 'D',
    period: day,
    ...key,
    ...figures,
  };
};

const items = [
  dossierStats('hai-chau-i', 'hai-chau', '2026-01-06', { receivedInPerson: 3, resolvedOnTime: 1, closed: 1 }),
  dossierStats('hai-chau-i', 'hai-chau', '2026-01-07', {
    resolvedLate: 1,
    closed: 1,
    closedAfterDue: 1,
    due: 2,
  }),
  dossierStats('thach-thang', 'hai-chau', '2026-01-06', { receivedOnline: 2, resolvedEarly: 2, closed: 2 }),
  dossierStats('an-hai-bac', 'son-tra', '2026-01-08', { receivedInPerson: 4 }),
  queueStats('2026-01-06', 0, '-', { issued: 4, hour08: 3, hour09: 1 }),
  queueStats('2026-01-06', 2, 'clerk.hai-chau-i', {
    served: 3,
    noShow: 1,
    waitMsSum: 4 * 180_000,
    waitCount: 4,
    waitLe5: 4,
    serviceMsSum: 3 * 420_000,
    serviceCount: 3,
    rating4: 2,
    rating3: 1,
  }),
  queueStats('2026-01-08', 3, 'cb02', { rating1: 1 }),
  {
    pk: deviceStatsPk('hai-chau-i'),
    sk: deviceStatsSk('D', '2026-01-06'),
    wardId: 'hai-chau-i',
    districtId: 'hai-chau',
    grain: 'D',
    period: '2026-01-06',
    onlineMs: 3_600_000,
    printerAlerts: 1,
    paperOut: 1,
  },
];

beforeAll(async () => {
  server = await startTestApi();
  await documentClient().send(
    new BatchWriteCommand({
      RequestItems: { [cityTable()]: items.map((Item) => ({ PutRequest: { Item } })) },
    }),
  );
  const repository = new DossierRepository();
  await repository.putRaw(
    dossierIn('processing', {
      code: OVERDUE_CODE,
      procedureId: '1.004873',
      dueAt: '2026-01-07T17:00:00+07:00',
    }),
  );
  await repository.putRaw(
    dossierIn('processing', { code: '000.01.01.H17-260105-0008', dueAt: '2099-01-07T17:00:00+07:00' }),
  );
  for (const user of ['city', 'district.hai-chau', 'leader.hai-chau-i', 'clerk.hai-chau-i'])
    clients.set(user, api(server.url, await login(server.url, user)));
});
afterAll(() => server?.stop());

const RANGE = 'from=2026-01-05&to=2026-01-11';

interface Body {
  [key: string]: unknown;
}

describe('API: GET /v1/dashboards/dossiers', () => {
  it('gives the city a daily series, its districts and its wards ranked by on-time rate', async () => {
    const res = await as('city').get<Body>(`/v1/dashboards/dossiers?scope=city&${RANGE}&interval=day`);
    expect(res.status).toBe(200);
    const body = res.body as {
      series: { period: string; received: number; resolved: number; backlog: number }[];
      breakdown: { key: string; received: number }[];
      ranking: { wardId: string; onTimeRate: number | null }[];
      totals: { received: number; resolved: number; onTimeRate: number; backlog: number; overdue: number };
      overdue: unknown[];
    };
    expect(body.series.map((s) => s.period)).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-10',
      '2026-01-11',
    ]);
    expect(body.series[1]).toMatchObject({ received: 5, resolved: 3, backlog: 2 });
    expect(body.totals).toEqual({ received: 9, resolved: 4, onTimeRate: 0.75, backlog: 5, overdue: 1 });
    expect(body.breakdown.find((b) => b.key === 'hai-chau')?.received).toBe(5);
    expect(body.breakdown.find((b) => b.key === 'son-tra')?.received).toBe(4);
    expect(body.ranking.slice(0, 2).map((r) => [r.wardId, r.onTimeRate])).toEqual([
      ['thach-thang', 1],
      ['hai-chau-i', 0.5],
    ]);
    expect(body.overdue).toEqual([]);
  });

  it('lists a ward’s dossiers overdue now, with links', async () => {
    const res = await as('leader.hai-chau-i').get<Body>(
      `/v1/dashboards/dossiers?scope=ward:hai-chau-i&${RANGE}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.overdue).toEqual([
      {
        code: OVERDUE_CODE,
        wardId: 'hai-chau-i',
        procedureId: '1.004873',
        procedureName: expect.any(String),
        status: 'processing',
        dueAt: '2026-01-07T17:00:00+07:00',
        link: `/dossiers/${OVERDUE_CODE}`,
      },
    ]);
    expect(res.body.interval).toBe('day');
  });

  it('refuses a district official another district, and a ward leader the district', async () => {
    const other = await as('district.hai-chau').get<Body>(
      `/v1/dashboards/dossiers?scope=district:son-tra&${RANGE}`,
    );
    expect(other.status).toBe(403);
    const own = await as('district.hai-chau').get<Body>(
      `/v1/dashboards/dossiers?scope=district:hai-chau&${RANGE}`,
    );
    expect(own.status).toBe(200);
    const leader = await as('leader.hai-chau-i').get<Body>(
      `/v1/dashboards/dossiers?scope=district:hai-chau&${RANGE}`,
    );
    expect(leader.status).toBe(403);
  });

  it('answers 400 naming the parameter that is wrong, and 401 without a token', async () => {
    const bad = await as('city').get<{ error: { fields: { field: string }[] } }>(
      '/v1/dashboards/dossiers?scope=city&from=2026-13-01&to=2026-01-11',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f) => f.field)).toEqual(['query.from']);
    const tooLong = await as('city').get<{ error: { fields: { field: string }[] } }>(
      '/v1/dashboards/dossiers?scope=city&from=2025-01-01&to=2026-01-11&interval=day',
    );
    expect(tooLong.body.error.fields.map((f) => f.field)).toEqual(['query.interval']);
    expect((await api(server.url).get(`/v1/dashboards/dossiers?scope=city&${RANGE}`)).status).toBe(401);
  });
});

describe('API: GET /v1/dashboards/queue', () => {
  it('gives waits, service time, no-show rate, tickets by hour, per counter and clerk', async () => {
    const res = await as('district.hai-chau').get<Body>(
      `/v1/dashboards/queue?scope=ward:hai-chau-i&${RANGE}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      issued: 4,
      served: 3,
      noShow: 1,
      noShowRate: 0.25,
      waitAvgMin: 3,
      serviceAvgMin: 7,
    });
    const byHour = res.body.byHour as number[];
    expect(byHour).toHaveLength(24);
    expect([byHour[8], byHour[9]]).toEqual([3, 1]);
    expect(res.body.waitP50Min).toBeGreaterThan(2);
    expect(res.body.waitP90Min).toBeLessThanOrEqual(5);
    expect((res.body.perCounter as { counter: number }[]).map((c) => c.counter)).toEqual([2, 3]);
    expect(
      (res.body.perClerk as { clerk: string; served: number }[]).map((c) => [c.clerk, c.served]),
    ).toEqual([
      ['cb02', 0],
      ['clerk.hai-chau-i', 3],
    ]);
  });

  it('refuses a clerk: dashboards are for leaders and officials', async () => {
    const res = await as('clerk.hai-chau-i').get(`/v1/dashboards/queue?scope=ward:hai-chau-i&${RANGE}`);
    expect(res.status).toBe(403);
  });
});

describe('API: GET /v1/dashboards/satisfaction', () => {
  it('gives the ratings per level overall, per ward and per week', async () => {
    const res = await as('city').get<Body>(
      '/v1/dashboards/satisfaction?scope=district:hai-chau&from=2026-01-05&to=2026-01-18&interval=week',
    );
    expect(res.status).toBe(200);
    expect(res.body.overall).toMatchObject({ total: 4, counts: [1, 0, 1, 2] });
    expect((res.body.series as { period: string; total: number }[]).map((s) => [s.period, s.total])).toEqual([
      ['2026-W02', 4],
      ['2026-W03', 0],
    ]);
    expect((res.body.breakdown as { key: string }[])[0]).toMatchObject({ key: 'hai-chau-i', total: 4 });
  });

  it('breaks a ward down per clerk', async () => {
    const res = await as('leader.hai-chau-i').get<Body>(
      `/v1/dashboards/satisfaction?scope=ward:hai-chau-i&${RANGE}`,
    );
    const rows = (res.body.breakdown as { key: string; total: number }[]).map((b) => [b.key, b.total]);
    expect(rows.sort()).toEqual([
      ['cb02', 1],
      ['clerk.hai-chau-i', 3],
    ]);
  });
});

describe('API: GET /v1/dashboards/devices', () => {
  it('gives the agent’s online minutes and printer alerts per day', async () => {
    const res = await as('leader.hai-chau-i').get<Body>(
      '/v1/dashboards/devices?scope=ward:hai-chau-i&from=2026-01-06&to=2026-01-07',
    );
    expect(res.status).toBe(200);
    expect(res.body.days).toEqual([
      { day: '2026-01-06', onlineMinutes: 60, printerAlerts: 1, paperOut: 1, paperLow: 0 },
      { day: '2026-01-07', onlineMinutes: 0, printerAlerts: 0, paperOut: 0, paperLow: 0 },
    ]);
    expect(res.body.totals).toEqual({ onlineMinutes: 60, printerAlerts: 1, paperOut: 1, paperLow: 0 });
  });

  it('answers 400 for a scope that is not a ward', async () => {
    const res = await as('city').get<{ error: { fields: { field: string }[] } }>(
      `/v1/dashboards/devices?scope=city&${RANGE}`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f) => f.field)).toEqual(['query.scope']);
  });
});
