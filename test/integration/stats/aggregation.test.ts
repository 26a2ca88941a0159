import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtTable, documentClient } from '#adapters/dynamodb';
import {
  type DossierStatsItem,
  putDeadLetter,
  readDeadLetters,
  readDossierStats,
} from '#adapters/stats-repository';
import { DOSSIER_COUNTERS, type DossierCounts } from '#domain/stats/dossier-counters';
import { localDateOf, parseInstant } from '#domain/time';
import { handler } from '#handlers/streams/aggregate';
import { tablesFor } from '#infra/local/create-tables';
import { startStreamPoller } from '#infra/local/stream-poller';
import { cityTableName } from '#infra/tables';
import { intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

const WARD = 'hai-chau-i';
/** Chứng thực chữ ký: field chung-thuc, 0 working days, cut-off 15:00. */
const PROCEDURE = '2.000884';

interface Body {
  code: string;
  version: number;
  receivedAt: string;
  dueAt: string;
  status: string;
  finishedAt?: string;
  closedAt?: string;
  outcome?: 'early' | 'on_time' | 'late';
}

let server: TestApi;
let tokens: Record<'clerk' | 'specialist' | 'leader', string>;
const dossiers: Body[] = [];

const as = (who: keyof typeof tokens) => api(server.url, tokens[who]);
const day = (instant: string) => localDateOf(parseInstant(instant));

async function receive(body: Record<string, unknown> = {}): Promise<Body> {
  const res = await as('clerk').post<Body>(`/v1/wards/${WARD}/dossiers`, intakeBody(body));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function act(
  who: keyof typeof tokens,
  dossier: Body,
  action: string,
  extra: object = {},
): Promise<Body> {
  const res = await as(who).post<Body>(`/v1/dossiers/${dossier.code}/actions`, {
    action,
    version: dossier.version,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The counters per local day, written out from what each dossier went through. */
const expected: Record<string, Record<string, number>> = {};
function expect1(at: string, ...counters: string[]) {
  const counts = expected[day(at)] ?? {};
  for (const c of counters) counts[c] = (counts[c] ?? 0) + 1;
  expected[day(at)] = counts;
}
/** A closed dossier: in time counts on its due day, late on its close day. */
function expectClosed(d: Body, closedAt: string) {
  if (parseInstant(closedAt).getTime() <= parseInstant(d.dueAt).getTime())
    expect1(d.dueAt, 'dueClosedInTime');
  else expect1(closedAt, 'closedAfterDue');
}

/** The day items of the ward, summed per day over fields and procedures. */
async function dayCounts(): Promise<Record<string, DossierCounts>> {
  const items = await readDossierStats(WARD, 'D', '0000-00-00', '9999-99-99');
  const byDay: Record<string, Record<string, number>> = {};
  for (const item of items) {
    const counts = byDay[item.period] ?? {};
    for (const c of DOSSIER_COUNTERS) {
      const n = item.counts[c] ?? 0;
      if (n !== 0) counts[c] = (counts[c] ?? 0) + n;
    }
    byDay[item.period] = counts;
  }
  return byDay;
}

const allStats = async (): Promise<DossierStatsItem[]> =>
  (
    await Promise.all((['D', 'M', 'Y'] as const).map((g) => readDossierStats(WARD, g, '0000', '9999-99-99')))
  ).flat();

beforeAll(async () => {
  server = await startTestApi({ streams: true });
  const [clerk, specialist, leader] = await Promise.all(
    ['clerk', 'specialist', 'leader'].map((role) => login(server.url, `${role}.${WARD}`)),
  );
  tokens = { clerk, specialist, leader } as typeof tokens;

  // Pending, in person.
  const pending = await receive();
  expect1(pending.receivedAt, 'receivedInPerson');
  expect1(pending.dueAt, 'due');
  // Pending, online, after a supplement pause that ends the same day (no working day paused).
  let paused = await receive({ channel: 'online' });
  paused = await act('clerk', paused, 'request_supplement', { reason: 'Thiếu bản sao giấy tờ tùy thân' });
  paused = await act('clerk', paused, 'supplement_received');
  expect1(paused.receivedAt, 'receivedOnline');
  expect1(paused.dueAt, 'due');
  // Refused at reception, online.
  const refused = await receive({
    channel: 'online',
    outcome: 'refused',
    reason: 'Sai thẩm quyền',
    documents: [],
  });
  expect1(refused.receivedAt, 'receivedOnline', 'refused', 'closed');
  expect1(refused.dueAt, 'due');
  expectClosed(refused, refused.receivedAt);
  // Resolved, then handed back.
  let resolved = await receive();
  resolved = await act('clerk', resolved, 'route', { assignee: `specialist.${WARD}` });
  resolved = await act('specialist', resolved, 'submit_for_approval');
  resolved = await act('leader', resolved, 'approve');
  resolved = await act('specialist', resolved, 'mark_result_ready');
  const finishedAt = resolved.finishedAt as string;
  resolved = await act('clerk', resolved, 'return_result');
  const outcome = { early: 'resolvedEarly', on_time: 'resolvedOnTime', late: 'resolvedLate' }[
    resolved.outcome as string
  ] as string;
  expect1(resolved.receivedAt, 'receivedInPerson');
  expect1(resolved.dueAt, 'due');
  expect1(finishedAt, outcome, 'closed');
  expectClosed(resolved, finishedAt);
  // Withdrawn while waiting for a supplement.
  let withdrawn = await receive();
  withdrawn = await act('clerk', withdrawn, 'request_supplement', { reason: 'Thiếu tờ khai' });
  withdrawn = await act('clerk', withdrawn, 'withdraw', { reason: 'Công dân xin rút' });
  expect1(withdrawn.receivedAt, 'receivedInPerson');
  expect1(withdrawn.dueAt, 'due');
  expect1(withdrawn.closedAt as string, 'withdrawn', 'closed');
  expectClosed(withdrawn, withdrawn.closedAt as string);

  dossiers.push(pending, paused, refused, resolved, withdrawn);
  await server.streams?.drain();
});
afterAll(() => server?.stop());

describe('Stats aggregation through the local API and the stream poller', () => {
  it('counts every dossier change into the day counters, as written out by hand', async () => {
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await dayCounts()).toEqual(expected);
  });

  it('rolls the days up into months and years with the same totals', async () => {
    const items = await allStats();
    for (const grain of ['M', 'Y'] as const) {
      const rolled: Record<string, number> = {};
      const days: Record<string, number> = {};
      for (const item of items) {
        const target = item.grain === grain ? rolled : item.grain === 'D' ? days : undefined;
        if (!target) continue;
        for (const [c, n] of Object.entries(item.counts)) target[c] = (target[c] ?? 0) + (n ?? 0);
      }
      expect(rolled).toEqual(days);
    }
    const one = items.find((i) => i.grain === 'D');
    expect(one).toMatchObject({
      wardId: WARD,
      districtId: 'hai-chau',
      fieldId: 'chung-thuc',
      procedureId: PROCEDURE,
    });
  });

  it('changes nothing when the whole stream is replayed from the start', async () => {
    const before = await allStats();
    const city = cityTableName(server.tablePrefix);
    let replayed = 0;
    const replay = startStreamPoller({
      endpoint: process.env.MOTCUA_DYNAMODB_ENDPOINT as string,
      tables: tablesFor(server.tablePrefix)
        .map((t) => t.name)
        .filter((name) => name !== city),
      handler: (event) => {
        replayed += event.Records.length;
        return handler(event);
      },
      deadLetter: putDeadLetter,
    });
    try {
      await replay.drain();
    } finally {
      await replay.stop();
    }
    // Every change of every dossier came round again: intake, actions and history rows.
    expect(replayed).toBeGreaterThan(dossiers.length * 2);
    expect(await allStats()).toEqual(before);
    expect(await readDeadLetters()).toEqual([]);
  });

  it('dead-letters a poisoned dossier record and still folds the records after it', async () => {
    const before = await dayCounts();
    const bogus = 'DOSSIER#000.01.01.H17-000000-9999';
    await documentClient().send(
      new PutCommand({
        TableName: districtTable('hai-chau'),
        Item: { pk: bogus, sk: 'META', code: '000.01.01.H17-000000-9999', status: 'received', version: 1 },
      }),
    );
    const later = await receive({ channel: 'post' });
    await server.streams?.drain();

    const letters = await readDeadLetters();
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ eventName: 'INSERT', keys: { pk: bogus, sk: 'META' } });
    expect(letters[0]?.reason).toMatch(/^dossier-stats: new image is not a dossier/);

    const after = await dayCounts();
    const received = day(later.receivedAt);
    expect(after[received]?.receivedInPerson).toBe((before[received]?.receivedInPerson ?? 0) + 1);
    expect(after[day(later.dueAt)]?.due).toBe((before[day(later.dueAt)]?.due ?? 0) + 1);
  });
});
