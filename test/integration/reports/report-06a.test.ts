import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityTable, documentClient } from '#adapters/dynamodb';
import { districts } from '#domain/catalogue/units';
import { coverPeriods, rangeHolds, readRanges } from '#domain/stats/period-cover';
import type { DossierStatsItem, Report06aFigures, Report06aRow } from '#domain/stats/report-06a';
import { addDays } from '#domain/time';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';
import { cellText, readSheet } from '../../support/workbook.ts';
import {
  CHUNG_THUC,
  CITY_TOTAL,
  FROM,
  HAI_CHAU,
  HAI_CHAU_I,
  HISTORY,
  HO_TICH,
  KET_HON,
  KHAI_SINH,
  P1,
  P2,
  P3,
  SON_TRA,
  type StatsDossier,
  statsItems,
  THACH_THANG,
  TO,
  tableItems,
  W1,
  W2,
  W3,
} from '../../unit/reports/fixtures/dossier-stats.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ReportBody extends Record<string, unknown> {
  scope: string;
  by: string;
  from: string;
  to: string;
  generatedAt: string;
  itemsRead: number;
  rows: Report06aRow[];
  totals: Report06aFigures;
}

interface ErrorBody {
  error: { code: string; fields?: { field: string; reason: string }[] };
}

let server: TestApi;
const as: Record<string, ReturnType<typeof api>> = {};
const tokens: Record<string, string> = {};

/**
 * A history two years before the hand-checked one, every dossier closed before 2023, so it
 * changes no figure of 2026 but fills days, months and years: one dossier every other day in
 * three wards and three procedures.
 */
function olderHistory(copies: number): StatsDossier[] {
  const list: StatsDossier[] = [];
  for (let n = 0; n < 365; n++) {
    const received = addDays('2020-06-01', n * 2);
    [W1, W2, W3].forEach((wardId, w) => {
      const procedureId = [P1, P2, P3][(n + w) % 3] as string;
      const due = addDays(received, 3);
      for (let c = 0; c < copies; c++) {
        list.push({
          wardId,
          procedureId,
          channel: n % 2 ? 'online' : 'in_person',
          received,
          due,
          closed: { on: addDays(received, n % 5), as: n % 5 < 3 ? 'early' : n % 5 === 3 ? 'onTime' : 'late' },
        });
      }
    });
  }
  return list;
}

async function putItems(items: readonly DossierStatsItem[]): Promise<void> {
  const rows = tableItems(items);
  for (let i = 0; i < rows.length; i += 25) {
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [cityTable()]: rows.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const out = await documentClient().send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
}

function client(who: string): ReturnType<typeof api> {
  const logged = as[who];
  if (!logged) throw new Error(`no login for ${who}`);
  return logged;
}

const report = (who: string, query: string) =>
  client(who).get<ReportBody & ErrorBody>(`/v1/reports/06a?${query}`);
const period = `from=${FROM}&to=${TO}`;

beforeAll(async () => {
  server = await startTestApi();
  await putItems([...statsItems(Object.values(HISTORY)), ...statsItems(olderHistory(1))]);
  for (const user of [
    'city',
    'district.hai-chau',
    'leader.hai-chau-i',
    'admin.thach-thang',
    'clerk.hai-chau-i',
  ]) {
    tokens[user] = await login(server.url, user);
    as[user] = api(server.url, tokens[user]);
  }
});
afterAll(() => server?.stop());

describe('API: GET /v1/reports/06a', () => {
  it('gives a city official the city by district, each cell as counted by hand', async () => {
    const res = await report('city', `scope=city&${period}`);
    expect(res.status).toBe(200);
    const body = res.body as ReportBody;
    expect(body).toMatchObject({ scope: 'city', by: 'unit', from: FROM, to: TO });
    expect(body.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    expect(body.rows.map((r) => r.key)).toEqual(districts.map((d) => d.id));
    expect(body.rows.find((r) => r.key === 'hai-chau')).toEqual({
      key: 'hai-chau',
      name: 'Quận Hải Châu',
      ...HAI_CHAU,
    });
    expect(body.rows.find((r) => r.key === 'son-tra')).toEqual({
      key: 'son-tra',
      name: 'Quận Sơn Trà',
      ...SON_TRA,
    });
    expect(body.totals).toEqual(CITY_TOTAL);
    const { received, resolved, pending, refused, withdrawn } = body.totals;
    expect(received.total).toBe(resolved.total + pending.total + refused + withdrawn);
  });

  it('gives a district official their district by ward, field and procedure', async () => {
    const byUnit = (await report('district.hai-chau', `scope=district:hai-chau&${period}`))
      .body as ReportBody;
    expect(byUnit.rows.find((r) => r.key === W1)).toMatchObject(HAI_CHAU_I);
    expect(byUnit.rows.find((r) => r.key === W2)).toMatchObject(THACH_THANG);
    expect(byUnit.totals).toEqual(HAI_CHAU);

    const byField = (await report('district.hai-chau', `scope=district:hai-chau&by=field&${period}`))
      .body as ReportBody;
    expect(byField.rows).toEqual([
      { key: 'chung-thuc', name: 'Chứng thực', ...CHUNG_THUC },
      { key: 'ho-tich', name: 'Hộ tịch', ...HO_TICH },
    ]);
    const byProcedure = (await report('district.hai-chau', `scope=district:hai-chau&by=procedure&${period}`))
      .body as ReportBody;
    expect(byProcedure.rows.map((r) => [r.key, r.name])).toEqual([
      [P3, 'Đăng ký kết hôn'],
      [P1, 'Đăng ký khai sinh'],
      [P2, 'Chứng thực bản sao từ bản chính'],
    ]);
    expect(byProcedure.rows.map(({ key: _k, name: _n, ...figures }) => figures)).toEqual([
      KET_HON,
      KHAI_SINH,
      CHUNG_THUC,
    ]);
    expect(byProcedure.totals).toEqual(HAI_CHAU);
  });

  it('gives a ward leader and a ward admin their own ward', async () => {
    const leader = (await report('leader.hai-chau-i', `scope=ward:${W1}&${period}`)).body as ReportBody;
    expect(leader.rows).toEqual([{ key: W1, name: 'Phường Hải Châu I', ...HAI_CHAU_I }]);
    const admin = await report('admin.thach-thang', `scope=ward:${W2}&${period}`);
    expect(admin.status).toBe(200);
    expect((admin.body as ReportBody).totals).toEqual(THACH_THANG);
  });

  it('answers 403 outside the caller’s jurisdiction, and to clerks', async () => {
    expect((await report('district.hai-chau', `scope=district:son-tra&${period}`)).status).toBe(403);
    expect((await report('district.hai-chau', `scope=ward:${W3}&${period}`)).status).toBe(403);
    expect((await report('district.hai-chau', `scope=city&${period}`)).status).toBe(403);
    expect((await report('leader.hai-chau-i', `scope=ward:${W2}&${period}`)).status).toBe(403);
    expect((await report('leader.hai-chau-i', `scope=district:hai-chau&${period}`)).status).toBe(403);
    expect((await report('clerk.hai-chau-i', `scope=ward:${W1}&${period}`)).status).toBe(403);
    expect((await api(server.url).get(`/v1/reports/06a?scope=city&${period}`)).status).toBe(401);
  });

  it('answers 400 naming each bad parameter', async () => {
    const fieldsOf = async (query: string) => {
      const res = await report('city', query);
      expect(res.status, query).toBe(400);
      return (res.body as ErrorBody).error.fields?.map((f) => f.field);
    };
    expect(await fieldsOf(period)).toEqual(['query.scope']);
    expect(await fieldsOf(`scope=district:atlantis&${period}`)).toEqual(['query.scope']);
    expect(await fieldsOf(`scope=city&by=ward&${period}`)).toEqual(['query.by']);
    expect(await fieldsOf('scope=city&from=2026-02-30&to=2026-03-31')).toEqual(['query.from']);
    expect(await fieldsOf('scope=city&from=2026-03-01')).toEqual(['query.to']);
    expect(await fieldsOf('scope=city&from=2026-03-31&to=2026-03-01')).toEqual(['query.to']);
    expect(await fieldsOf('scope=city&from=2020-01-01&to=2026-03-31')).toEqual(['query.to']);
    expect(await fieldsOf(`scope=city&${period}&format=pdf`)).toEqual(['query.format']);
  });

  it('exports CSV with a byte order mark, Vietnamese headings, a line per row and the totals', async () => {
    const res = await fetch(
      `${server.url}/v1/reports/06a?scope=district:hai-chau&by=field&${period}&format=csv`,
      {
        headers: { authorization: `Bearer ${tokens['district.hai-chau']}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      `attachment; filename="bao-cao-II06a-district-hai-chau-${FROM}-${TO}.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes.subarray(3))
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]?.slice(0, 4)).toEqual(['STT', 'Mã', 'Lĩnh vực', 'Số hồ sơ nhận giải quyết – Tổng số']);
    expect(lines[0]?.at(-1)).toBe('Rút hồ sơ');
    expect(lines[0]).toContain('Số hồ sơ nhận giải quyết – Trong kỳ – Trực tiếp và dịch vụ bưu chính');
    expect(lines[0]).toContain('Số hồ sơ đang giải quyết – Quá hạn');
    expect(lines.slice(1).map((l) => l.slice(0, 3))).toEqual([
      ['1', 'chung-thuc', 'Chứng thực'],
      ['2', 'ho-tich', 'Hộ tịch'],
      ['', '', 'Tổng cộng'],
    ]);
    expect(lines[1]?.slice(3).map(Number)).toEqual([5, 2, 2, 1, 2, 0, 0, 2, 2, 1, 1, 0, 1]);
    expect(lines[3]?.slice(3).map(Number)).toEqual([11, 2, 6, 3, 4, 1, 1, 2, 5, 2, 3, 1, 1]);
  });

  it('exports an Excel workbook laid out like form II.06a', async () => {
    const res = await fetch(`${server.url}/v1/reports/06a?scope=city&${period}&format=xlsx`, {
      headers: { authorization: `Bearer ${tokens.city}`, accept: XLSX },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(
      `filename="bao-cao-II06a-city-${FROM}-${TO}.xlsx"`,
    );
    const sheet = await readSheet(new Uint8Array(await res.arrayBuffer()), 'Biểu II.06a');
    const text = (r: number, c: number) => cellText(sheet, r, c);
    const numbers = (r: number) => Array.from({ length: 13 }, (_, c) => sheet.getCell(r, 3 + c).value);
    expect(text(3, 1)).toBe('Đơn vị báo cáo: Thành phố Đà Nẵng');
    expect(text(4, 1)).toBe('Từ ngày 10/02/2026 đến ngày 31/03/2026');
    expect([text(6, 2), text(6, 3), text(6, 7), text(6, 11), text(6, 14), text(6, 15)]).toEqual([
      'Đơn vị',
      'Số hồ sơ nhận giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Từ chối',
      'Rút hồ sơ',
    ]);
    expect([text(7, 4), text(8, 4), text(8, 5), text(7, 6)]).toEqual([
      'Trong kỳ',
      'Trực tuyến',
      'Trực tiếp và dịch vụ bưu chính',
      'Từ kỳ trước chuyển qua',
    ]);
    expect(text(9, 15)).toBe('(15)');
    expect(text(10, 2)).toBe('Quận Hải Châu');
    expect(numbers(10)).toEqual([11, 2, 6, 3, 4, 1, 1, 2, 5, 2, 3, 1, 1]);
    expect(text(17, 2)).toBe('Tổng cộng');
    expect(numbers(17)).toEqual([12, 3, 6, 3, 4, 1, 1, 2, 6, 2, 4, 1, 1]);
  });
});

describe('API: GET /v1/reports/06a (cost)', () => {
  const older = statsItems(olderHistory(1));
  const combos = (wardId: string) =>
    new Set(older.filter((i) => i.wardId === wardId).map((i) => `${i.fieldId}#${i.procedureId}`)).size;
  const years = new Set([...older, ...statsItems(Object.values(HISTORY))].map((i) => i.period.slice(0, 4)))
    .size;
  /** The items a report over [from, to] must read: those of its cover, nothing per dossier. */
  const expectedReads = (from: string, to: string) => {
    const ranges = readRanges(coverPeriods(from, to));
    return [...older, ...statsItems(Object.values(HISTORY))].filter((i) =>
      ranges.some((r) => rangeHolds(r, i.grain, i.period)),
    ).length;
  };

  it('reads a city-wide calendar year through the year roll-ups', async () => {
    const res = await report('city', 'scope=city&from=2021-01-01&to=2021-12-31');
    const body = res.body as ReportBody;
    expect(body.itemsRead).toBe(expectedReads('2021-01-01', '2021-12-31'));
    expect(body.readCapacityUnits).toBeGreaterThan(0);
    const bound = [W1, W2, W3].reduce((n, w) => n + years * combos(w), 0);
    expect(body.itemsRead).toBeLessThanOrEqual(bound);
    expect(body.totals.received.total).toBeGreaterThan(300);
  });

  it('reads twelve months across two years within wards × (12 + years) × field × procedure, whatever the number of dossiers', async () => {
    const query = 'scope=city&from=2021-03-01&to=2022-02-28';
    const once = (await report('city', query)).body as ReportBody;
    const dayItems = older.filter(
      (i) => i.grain === 'D' && i.period >= '2021-03-01' && i.period <= '2022-02-28',
    );
    expect(once.itemsRead).toBe(expectedReads('2021-03-01', '2022-02-28'));
    const bound = [W1, W2, W3].reduce((n, w) => n + (12 + years) * combos(w), 0);
    expect(once.itemsRead).toBeLessThanOrEqual(bound);
    expect(once.itemsRead).toBeLessThan(dayItems.length);

    // Three times the dossiers on the same days: the same items with larger counters.
    await putItems(statsItems(olderHistory(3)));
    const thrice = (await report('city', query)).body as ReportBody;
    expect(thrice.itemsRead).toBe(once.itemsRead);
    expect(thrice.totals.received.total).toBe(3 * once.totals.received.total);
    await putItems(older);
  });
});
