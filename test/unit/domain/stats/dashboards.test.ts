import { describe, expect, it } from 'vitest';
import type { Principal } from '#domain/auth/principal';
import { findWard } from '#domain/catalogue/units';
import {
  deviceDays,
  deviceHealthFigures,
  MAX_SPAN_DAYS,
  onlineByDay,
  presenceFigures,
} from '#domain/stats/dashboards-devices';
import { dossierDashboard, onTimeRate } from '#domain/stats/dashboards-dossiers';
import { intervalBuckets, isoWeekOf, placeOf, planSeries } from '#domain/stats/dashboards-periods';
import {
  percentileFromHistogram,
  type QueueStatsItem,
  queueDashboard,
  rate,
} from '#domain/stats/dashboards-queue';
import { satisfactionDashboard } from '#domain/stats/dashboards-satisfaction';
import { canReadScope, RangeQuery, SeriesQuery, WardDaysQuery } from '#domain/stats/dashboards-scope';
import type { DossierCounts } from '#domain/stats/dossier-counters';
import { WAIT_BUCKET_EDGES_MIN } from '#domain/stats/queue-fold';
import type { DossierStatsItem } from '#domain/stats/report-06a';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';

describe('Function: percentileFromHistogram', () => {
  const edges = [1, 2, 5, 10];

  it('interpolates inside the bucket the quantile falls in', () => {
    // 10 waits: 2 up to 1 min, 4 in (1, 2], 4 in (2, 5]
    expect(percentileFromHistogram([2, 4, 4, 0, 0], edges, 0.5)).toBe(1.8);
    expect(percentileFromHistogram([2, 4, 4, 0, 0], edges, 0.9)).toBe(4.3);
    expect(percentileFromHistogram([2, 4, 4, 0, 0], edges, 0.2)).toBe(1);
  });

  it('answers the lower edge of the open last bucket: at least that long', () => {
    expect(percentileFromHistogram([0, 0, 0, 0, 3], edges, 0.5)).toBe(10);
  });

  it('skips empty buckets and answers null for no data', () => {
    expect(percentileFromHistogram([0, 0, 0, 2, 0], edges, 0.5)).toBe(7.5);
    expect(percentileFromHistogram([0, 0, 0, 0, 0], edges, 0.5)).toBeNull();
  });
});

describe('Function: rate and onTimeRate', () => {
  it('are shares with three decimals, null when there is nothing to share', () => {
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(0, 0)).toBeNull();
    expect(onTimeRate(9, 10)).toBe(0.9);
    expect(onTimeRate(0, 0)).toBeNull();
  });
});

describe('Function: intervalBuckets', () => {
  it('cuts a range into ISO weeks from Monday to Sunday, the ends partial', () => {
    // 2026-11-04 is a Wednesday; 2026-11-22 a Sunday.
    expect(intervalBuckets('2026-11-04', '2026-11-22', 'week')).toEqual([
      { period: '2026-W45', from: '2026-11-04', to: '2026-11-08' },
      { period: '2026-W46', from: '2026-11-09', to: '2026-11-15' },
      { period: '2026-W47', from: '2026-11-16', to: '2026-11-22' },
    ]);
  });

  it('cuts a range into months across a year end, and into days', () => {
    expect(intervalBuckets('2025-12-15', '2026-02-10', 'month')).toEqual([
      { period: '2025-12', from: '2025-12-15', to: '2025-12-31' },
      { period: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { period: '2026-02', from: '2026-02-01', to: '2026-02-10' },
    ]);
    expect(intervalBuckets('2024-02-28', '2024-03-01', 'day').map((b) => b.period)).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });
});

describe('Function: planSeries', () => {
  it('reads whole months as month items, partial ones as days, and everything before for running sums', () => {
    const plan = planSeries(intervalBuckets('2026-01-15', '2026-03-31', 'month'), true);
    expect(placeOf(plan, 'D', '2026-01-20')).toBe(0);
    expect(placeOf(plan, 'M', '2026-02')).toBe(1);
    expect(placeOf(plan, 'D', '2026-02-03')).toBeUndefined();
    expect(placeOf(plan, 'M', '2026-03')).toBe(2);
    expect(placeOf(plan, 'D', '2026-01-14')).toBe('before');
    expect(placeOf(plan, 'Y', '2025')).toBe('before');
    expect(placeOf(plan, 'D', '2026-04-01')).toBeUndefined();
  });
});

const item = (
  wardId: string,
  fieldId: string,
  grain: 'D' | 'M' | 'Y',
  period: string,
  counts: DossierCounts,
) => ({ wardId, fieldId, procedureId: 'p', grain, period, counts }) satisfies DossierStatsItem;

describe('Function: dossierDashboard', () => {
  const ward = findWard('hai-chau-i');
  if (!ward) throw new Error('the catalogue lost hai-chau-i');
  const other = findWard('thach-thang');
  if (!other) throw new Error('the catalogue lost thach-thang');
  const items = [
    // Before the range: 5 received, 2 closed, 1 due and still open (overdue from then on).
    item(ward.id, 'ho-tich', 'Y', '2025', {
      receivedInPerson: 5,
      resolvedOnTime: 2,
      closed: 2,
      due: 3,
      dueClosedInTime: 2,
    }),
    // Week 1: 3 received, one resolved late (closed after its due day, which was counted before).
    item(ward.id, 'ho-tich', 'D', '2026-01-06', { receivedOnline: 1, receivedInPerson: 2 }),
    item(ward.id, 'ho-tich', 'D', '2026-01-07', { resolvedLate: 1, closed: 1, closedAfterDue: 1 }),
    // Week 2: 2 resolved early in another field, one new due day passes unresolved.
    item(ward.id, 'chung-thuc', 'D', '2026-01-13', { resolvedEarly: 2, closed: 2, due: 1 }),
    item(other.id, 'ho-tich', 'D', '2026-01-13', { receivedInPerson: 1, resolvedOnTime: 1, closed: 1 }),
  ];
  const scope = { kind: 'district', districtId: 'hai-chau' } as const;
  const plan = planSeries(intervalBuckets('2026-01-05', '2026-01-18', 'week'), true);
  const quiet = findWard('phuoc-ninh');
  if (!quiet) throw new Error('the catalogue lost phuoc-ninh');
  const dashboard = dossierDashboard(items, plan, scope, [ward, other, quiet]);

  it('gives each bucket what came in and was resolved, and the backlog and overdue at its end', () => {
    expect(dashboard.series).toEqual([
      {
        period: '2026-W02',
        from: '2026-01-05',
        to: '2026-01-11',
        received: 3,
        resolved: 1,
        onTimeRate: 0,
        backlog: 5,
        overdue: 0,
      },
      {
        period: '2026-W03',
        from: '2026-01-12',
        to: '2026-01-18',
        received: 1,
        resolved: 3,
        onTimeRate: 1,
        backlog: 3,
        overdue: 1,
      },
    ]);
    expect(dashboard.totals).toEqual({ received: 4, resolved: 4, onTimeRate: 0.75, backlog: 3, overdue: 1 });
  });

  it('breaks a district into its wards and ranks them by on-time rate', () => {
    const row = dashboard.breakdown.find((r) => r.key === ward.id);
    expect(row).toMatchObject({
      name: ward.name,
      received: 3,
      resolved: 3,
      onTimeRate: 0.667,
      backlog: 3,
      overdue: 1,
    });
    expect(dashboard.breakdown.find((r) => r.key === other.id)).toMatchObject({ received: 1, backlog: 0 });
    expect(dashboard.breakdown).toHaveLength(13);
    expect(dashboard.ranking.slice(0, 2).map((r) => [r.wardId, r.onTimeRate])).toEqual([
      [other.id, 1],
      [ward.id, 0.667],
    ]);
    expect(dashboard.ranking.at(-1)).toMatchObject({ wardId: quiet.id, onTimeRate: null });
  });

  it('breaks a ward into fields', () => {
    const mine = items.filter((i) => i.wardId === ward.id);
    const own = dossierDashboard(mine, plan, { kind: 'ward', wardId: ward.id }, [ward]);
    expect(own.breakdown.find((r) => r.key === 'chung-thuc')).toMatchObject({ resolved: 2, onTimeRate: 1 });
    expect(own.breakdown.find((r) => r.key === 'ho-tich')).toMatchObject({ received: 3, backlog: 5 });
  });
});

const q = (over: Partial<QueueStatsItem> & Pick<QueueStatsItem, 'figures'>): QueueStatsItem => ({
  wardId: 'hai-chau-i',
  fieldId: 'ho-tich',
  counter: 2,
  clerk: 'clerk.hai-chau-i',
  grain: 'D',
  period: '2026-01-06',
  ...over,
});

describe('Function: queueDashboard', () => {
  const items = [
    q({ counter: 0, clerk: '-', figures: { issued: 10, hour08: 6, hour14: 4 } }),
    q({
      figures: {
        served: 6,
        noShow: 2,
        waitMsSum: 8 * 300_000,
        waitCount: 8,
        waitLe5: 8,
        serviceMsSum: 6 * 600_000,
        serviceCount: 6,
        rating4: 2,
      },
    }),
    q({
      counter: 3,
      clerk: 'cb2',
      figures: { served: 2, waitMsSum: 2 * 1_800_000, waitCount: 2, waitLe30: 2 },
    }),
  ];
  const dashboard = queueDashboard(items, { kind: 'ward', wardId: 'hai-chau-i' });

  it('computes waits from the histogram, service time and the no-show rate', () => {
    expect(dashboard).toMatchObject({
      issued: 10,
      served: 8,
      noShow: 2,
      noShowRate: 0.2,
      waitAvgMin: 10,
      serviceAvgMin: 10,
      ratingAverage: 4,
    });
    // 10 waits: 8 in (2, 5], 2 in (20, 30]
    expect(dashboard.waitP50Min).toBe(3.9);
    expect(dashboard.waitP90Min).toBe(25);
    expect(dashboard.byHour).toHaveLength(24);
    expect(dashboard.byHour[8]).toBe(6);
    expect(dashboard.byHour[14]).toBe(4);
    expect(dashboard.waitHistogram).toHaveLength(WAIT_BUCKET_EDGES_MIN.length + 1);
    expect(dashboard.waitHistogram.at(-1)).toEqual({ upToMin: null, count: 0 });
  });

  it('lists counters and clerks, leaving out the kiosk', () => {
    expect(dashboard.perCounter.map((c) => [c.counter, c.served])).toEqual([
      [2, 6],
      [3, 2],
    ]);
    expect(dashboard.perClerk.map((c) => [c.clerk, c.served, c.noShowRate])).toEqual([
      ['cb2', 2, 0],
      ['clerk.hai-chau-i', 6, 0.25],
    ]);
    expect(dashboard.breakdown.find((b) => b.key === 'ho-tich')).toMatchObject({ issued: 10, served: 8 });
  });
});

describe('Function: satisfactionDashboard', () => {
  it('counts ratings per level overall, per ward and per bucket', () => {
    const plan = planSeries(intervalBuckets('2026-01-05', '2026-01-18', 'week'), false);
    const items = [
      q({ figures: { rating4: 3, rating1: 1 } }),
      q({ wardId: 'thach-thang', period: '2026-01-13', figures: { rating3: 2 } }),
      q({ period: '2025-12-31', figures: { rating1: 9 } }),
    ];
    const scope = { kind: 'district', districtId: 'hai-chau' } as const;
    const dashboard = satisfactionDashboard(items, plan, scope, ['hai-chau-i', 'thach-thang', 'phuoc-ninh']);
    expect(dashboard.levels.map((l) => l.label)).toEqual([
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(dashboard.overall).toEqual({
      total: 6,
      counts: [1, 0, 2, 3],
      average: 3.17,
      satisfiedRate: 0.833,
    });
    expect(dashboard.series.map((s) => s.counts)).toEqual([
      [1, 0, 0, 3],
      [0, 0, 2, 0],
    ]);
    expect(dashboard.breakdown.map((b) => [b.key, b.total])).toEqual([
      ['hai-chau-i', 4],
      ['thach-thang', 2],
      ['phuoc-ninh', 0],
    ]);
  });

  it('breaks a ward down per clerk', () => {
    const plan = planSeries(intervalBuckets('2026-01-06', '2026-01-06', 'day'), false);
    const dashboard = satisfactionDashboard(
      [q({ figures: { rating2: 1 } }), q({ clerk: 'cb9', figures: { rating4: 1 } })],
      plan,
      { kind: 'ward', wardId: 'hai-chau-i' },
      ['hai-chau-i'],
    );
    expect(dashboard.breakdown.map((b) => [b.key, b.counts])).toEqual([
      ['clerk.hai-chau-i', [0, 1, 0, 0]],
      ['cb9', [0, 0, 0, 1]],
    ]);
  });
});

describe('Device statistics', () => {
  const health = (over: Partial<Extract<QueueEvent, { type: 'device_health' }>>) =>
    ({
      id: '01J0000000000000000000000A',
      type: 'device_health',
      at: '2026-01-06T23:30:00+07:00',
      day: '2026-01-06',
      device: 'printer',
      kind: 'printer',
      ok: false,
      ...over,
    }) as QueueEvent;

  it('counts printer alerts and paper out or low on the local day of the event', () => {
    expect(deviceHealthFigures(health({ detail: 'Máy in hết giấy' }))).toEqual(
      new Map([['2026-01-06', { printerAlerts: 1, paperOut: 1 }]]),
    );
    expect(deviceHealthFigures(health({ ok: true, detail: 'Máy in sắp hết giấy' }))).toEqual(
      new Map([['2026-01-06', { paperLow: 1 }]]),
    );
    expect(deviceHealthFigures(health({ ok: true })).size).toBe(0);
    expect(deviceHealthFigures(health({ kind: 'led_board', device: 'led-boards' })).size).toBe(0);
  });

  it('splits an online span across local midnights', () => {
    expect(onlineByDay('2026-01-06T23:00:00+07:00', '2026-01-07T01:30:00+07:00')).toEqual(
      new Map([
        ['2026-01-06', { onlineMs: 3_600_000 }],
        ['2026-01-07', { onlineMs: 5_400_000 }],
      ]),
    );
    expect(onlineByDay('2026-01-06T10:00:00+07:00', '2026-01-06T09:00:00+07:00').size).toBe(0);
    expect(onlineByDay('2025-01-01T00:00:00+07:00', '2026-01-06T12:00:00+07:00').size).toBe(MAX_SPAN_DAYS);
  });

  it('counts a presence change as online only when the status before said online', () => {
    const online = { online: true, lastSeenAt: '2026-01-06T08:00:00+07:00' };
    const later = { online: false, lastSeenAt: '2026-01-06T08:10:00+07:00' };
    expect(presenceFigures(online, later)).toEqual(new Map([['2026-01-06', { onlineMs: 600_000 }]]));
    expect(presenceFigures(later, { ...online, lastSeenAt: '2026-01-06T09:00:00+07:00' }).size).toBe(0);
    expect(presenceFigures(undefined, online).size).toBe(0);
  });

  it('lists every day of the range, with the live span of an agent online now', () => {
    const days = deviceDays(
      '2026-01-06',
      '2026-01-07',
      new Map([['2026-01-06', { onlineMs: 90_000, printerAlerts: 2 }]]),
      new Map([['2026-01-07', { onlineMs: 600_000 }]]),
    );
    expect(days).toEqual([
      { day: '2026-01-06', onlineMinutes: 2, printerAlerts: 2, paperOut: 0, paperLow: 0 },
      { day: '2026-01-07', onlineMinutes: 10, printerAlerts: 0, paperOut: 0, paperLow: 0 },
    ]);
  });
});

describe('Dashboard queries and jurisdiction', () => {
  const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    result.error?.issues.map((i) => i.path.join('.'));

  it('parses a scope and a range, and picks an interval when none is asked for', () => {
    const parsed = SeriesQuery.parse({ scope: 'district:hai-chau', from: '2026-01-01', to: '2026-03-31' });
    expect(parsed).toEqual({
      scope: { kind: 'district', districtId: 'hai-chau' },
      from: '2026-01-01',
      to: '2026-03-31',
      interval: 'week',
    });
  });

  it('names the parameter that is wrong', () => {
    expect(
      fieldsOf(RangeQuery.safeParse({ scope: 'ward:nowhere', from: '2026-01-01', to: '2026-01-02' })),
    ).toEqual(['scope']);
    expect(fieldsOf(RangeQuery.safeParse({ scope: 'city', from: '2026-02-30', to: '2026-03-01' }))).toEqual([
      'from',
    ]);
    expect(fieldsOf(SeriesQuery.safeParse({ scope: 'city', from: '2026-13-01', to: '2026-03-01' }))).toEqual([
      'from',
    ]);
    expect(fieldsOf(WardDaysQuery.safeParse({ scope: 'ward:nowhere', from: '2026-01-01', to: 'x' }))).toEqual(
      ['scope', 'to'],
    );
    expect(fieldsOf(RangeQuery.safeParse({ scope: 'city', from: '2026-03-02', to: '2026-03-01' }))).toEqual([
      'to',
    ]);
    expect(
      fieldsOf(
        SeriesQuery.safeParse({ scope: 'city', from: '2026-01-01', to: '2026-12-31', interval: 'day' }),
      ),
    ).toEqual(['interval']);
    expect(
      fieldsOf(WardDaysQuery.safeParse({ scope: 'city', from: '2026-01-01', to: '2026-01-02' })),
    ).toEqual(['scope']);
  });

  it('lets the city see all, a district its own wards, a ward leader or admin their ward', () => {
    const p = (roles: Principal['roles'], extra: Partial<Principal> = {}): Principal => ({
      userId: 'u',
      roles,
      ...extra,
    });
    const city = p(['city_official']);
    const district = p(['district_official'], { districtId: 'hai-chau' });
    const leader = p(['leader'], { wardId: 'hai-chau-i' });
    const clerk = p(['clerk'], { wardId: 'hai-chau-i' });
    const ownWard = { kind: 'ward', wardId: 'hai-chau-i' } as const;
    const otherWard = { kind: 'ward', wardId: 'an-hai-bac' } as const;
    expect(canReadScope(city, { kind: 'city' })).toBe(true);
    expect(canReadScope(district, { kind: 'district', districtId: 'hai-chau' })).toBe(true);
    expect(canReadScope(district, ownWard)).toBe(true);
    expect(canReadScope(district, { kind: 'district', districtId: 'son-tra' })).toBe(false);
    expect(canReadScope(district, otherWard)).toBe(false);
    expect(canReadScope(district, { kind: 'city' })).toBe(false);
    expect(canReadScope(leader, ownWard)).toBe(true);
    expect(canReadScope(leader, otherWard)).toBe(false);
    expect(canReadScope(leader, { kind: 'district', districtId: 'hai-chau' })).toBe(false);
    expect(canReadScope(clerk, ownWard)).toBe(false);
  });
});
