import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CAM_LE_BY_UNIT,
  CAM_LE_TOTALS,
  type Cells,
  CITY_BY_FIELD,
  CITY_BY_PROCEDURE,
  CITY_BY_UNIT,
  CITY_TOTALS,
  type ExpectedRow,
  GOLDEN_PERIOD,
  GOLDEN_ROWS,
  HAI_CHAU_BY_UNIT,
  HAI_CHAU_I_BY_UNIT,
  HAI_CHAU_I_TOTALS,
  HAI_CHAU_TOTALS,
} from '../../fixtures/golden/expected.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

/**
 * The golden report: the hand-built dossiers of test/fixtures/golden are imported, folded into
 * the statistics through the stream, and report II.06a must give every hand-computed cell.
 */
let server: TestApi;
let cityToken: string;
let golden: string;

interface Report {
  rows: (Cells & { key: string; name: string })[];
  totals: Cells;
}

beforeAll(async () => {
  server = await startTestApi({ streams: true });
  cityToken = await login(server.url, 'city');
  golden = await readFile(new URL('../../fixtures/golden/dossiers.ndjson', import.meta.url), 'utf8');
});
afterAll(() => server?.stop());

async function importGolden() {
  const response = await fetch(`${server.url}/v1/import/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cityToken}`, 'content-type': 'application/x-ndjson' },
    body: golden,
  });
  expect(response.status).toBe(200);
  const body = await response.json();
  if (!server.streams) throw new Error('the stream poller did not start');
  await server.streams.drain();
  return body;
}

async function report(scope: string, by: string): Promise<Report> {
  const query = new URLSearchParams({ scope, by, from: GOLDEN_PERIOD.from, to: GOLDEN_PERIOD.to });
  const res = await api(server.url, cityToken).get<Report>(`/v1/reports/06a?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const figures = (c: Cells): Cells => ({
  received: {
    total: c.received.total,
    inPeriod: { ...c.received.inPeriod },
    carriedOver: c.received.carriedOver,
  },
  resolved: { ...c.resolved },
  pending: { ...c.pending },
  refused: c.refused,
  withdrawn: c.withdrawn,
});
const ZERO: Cells = figures({
  received: { total: 0, inPeriod: { online: 0, inPerson: 0 }, carriedOver: 0 },
  resolved: { total: 0, early: 0, onTime: 0, late: 0 },
  pending: { total: 0, withinDeadline: 0, overdue: 0 },
  refused: 0,
  withdrawn: 0,
});

/** Every expected row cell for cell; any other row the report lists (a unit without dossiers) is all zeros. */
function expectReport(actual: Report, rows: readonly ExpectedRow[], totals: Cells) {
  for (const expected of rows) {
    const row = actual.rows.find((r) => r.key === expected.key);
    expect(row, `row ${expected.key}`).toBeDefined();
    expect({ key: row?.key, name: row?.name, ...figures(row as Cells) }, `row ${expected.key}`).toEqual(
      expected,
    );
  }
  for (const row of actual.rows.filter((r) => !rows.some((e) => e.key === r.key)))
    expect(figures(row), `row ${row.key}`).toEqual(ZERO);
  expect(figures(actual.totals)).toEqual(totals);
  const t = actual.totals;
  expect(t.received.total).toBe(t.resolved.total + t.pending.total + t.refused + t.withdrawn);
}

describe('Report II.06a: the golden data set', () => {
  it('imports every golden dossier', async () => {
    expect(await importGolden()).toEqual({ imported: GOLDEN_ROWS, skipped: 0, errors: [] });
  });

  it.each([
    ['city', 'unit', CITY_BY_UNIT, CITY_TOTALS],
    ['district:hai-chau', 'unit', HAI_CHAU_BY_UNIT, HAI_CHAU_TOTALS],
    ['district:cam-le', 'unit', CAM_LE_BY_UNIT, CAM_LE_TOTALS],
    ['ward:hai-chau-i', 'unit', HAI_CHAU_I_BY_UNIT, HAI_CHAU_I_TOTALS],
    ['city', 'field', CITY_BY_FIELD, CITY_TOTALS],
    ['city', 'procedure', CITY_BY_PROCEDURE, CITY_TOTALS],
  ] as const)('gives the hand-computed cells for scope=%s by=%s', async (scope, by, rows, totals) => {
    expectReport(await report(scope, by), rows, totals);
  });

  it('changes nothing when the same file is imported again', async () => {
    expect(await importGolden()).toEqual({ imported: 0, skipped: GOLDEN_ROWS, errors: [] });
    expectReport(await report('city', 'unit'), CITY_BY_UNIT, CITY_TOTALS);
    expectReport(await report('city', 'procedure'), CITY_BY_PROCEDURE, CITY_TOTALS);
  });

  it('refuses a district official the report of another district', async () => {
    const token = await login(server.url, 'district.son-tra');
    const query = new URLSearchParams({ scope: 'district:hai-chau', by: 'unit', ...GOLDEN_PERIOD });
    expect((await api(server.url, token).get(`/v1/reports/06a?${query}`)).status).toBe(403);
  });
});
