import { monotonicFactory } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findField } from '#domain/catalogue/fields';
import type { QueuePicture } from '#domain/queue/picture';
import type { PublicQueueBoard } from '#domain/queue/public-board';
import { localDateOf, toLocalIso } from '#domain/time';
import { handler, ingest } from '#handlers/queue/ingest';
import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

const ward = 'hai-chau-i';
const topic = (kind: string) => `motcua/hai-chau/${ward}/${kind}`;
const today = localDateOf(new Date());
const nextId = monotonicFactory();

let server: TestApi;
let clerk: ReturnType<typeof api>;

beforeAll(async () => {
  server = await startTestApi();
  clerk = api(server.url, await login(server.url, `clerk.${ward}`));
});
afterAll(() => server?.stop());

type NewEvent = QueueEvent extends infer E
  ? E extends QueueEvent
    ? Omit<E, 'id' | 'at' | 'day'>
    : never
  : never;

/** Events as the agent makes them: ids in the order they happen, today's date, local times. */
function events(...made: NewEvent[]): QueueEvent[] {
  return made.map(
    (e, i) =>
      ({ ...e, id: nextId(), at: toLocalIso(new Date(Date.now() + i * 1000)), day: today }) as QueueEvent,
  );
}

const issue = (number: string, field: string, sequence: number): NewEvent => ({
  type: 'ticket_issued',
  number,
  field,
  sequence,
  arrival: sequence,
  priority: null,
});

async function picture(): Promise<QueuePicture> {
  const res = await clerk.get<QueuePicture>(`/v1/wards/${ward}/queue`);
  expect(res.status).toBe(200);
  return res.body;
}

const field = (p: QueuePicture, id: string) => p.fields.find((f) => f.field === id);
const counter = (p: QueuePicture, n: number) => p.counters.find((c) => c.counter === n);

const morning = events(
  { type: 'clerk_logged_in', counter: 2, clerk: 'cb01' },
  issue('B001', 'chung-thuc', 1),
  issue('B002', 'chung-thuc', 2),
  issue('C001', 'ho-tich', 1),
  { type: 'ticket_called', number: 'B001', counter: 2, clerk: 'cb01' },
);

describe('Ingest: queue events', () => {
  it('shows nothing but the seed layout before the agent has said anything', async () => {
    const p = await picture();
    expect(p.agent).toEqual({ online: false, lastSeenAt: null, outboxDepth: 0 });
    expect(p.counters.map((c) => c.counter)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(field(p, 'chung-thuc')).toEqual({
      field: 'chung-thuc',
      waiting: 0,
      issuedToday: 0,
      servedToday: 0,
      noShowToday: 0,
    });
    expect(p.devices).toEqual([]);
  });

  it('counts a batch once even when it arrives twice', async () => {
    expect(await ingest(topic('events'), { events: morning })).toMatchObject({
      ingested: 5,
      duplicates: 0,
      skipped: 0,
    });
    expect(await ingest(topic('events'), { events: morning })).toMatchObject({
      ingested: 0,
      duplicates: 5,
      skipped: 0,
    });
    const p = await picture();
    expect(field(p, 'chung-thuc')).toEqual({
      field: 'chung-thuc',
      waiting: 1,
      issuedToday: 2,
      servedToday: 0,
      noShowToday: 0,
    });
    expect(field(p, 'ho-tich')).toEqual({
      field: 'ho-tich',
      waiting: 1,
      issuedToday: 1,
      servedToday: 0,
      noShowToday: 0,
    });
    expect(counter(p, 2)).toEqual({
      counter: 2,
      fields: ['chung-thuc', 'ho-tich'],
      serving: 'B001',
      clerk: 'cb01',
    });
  });

  it('skips a malformed event, counts it, and ingests the rest of the batch', async () => {
    const batch = events(
      { type: 'ticket_served', number: 'B001', counter: 2, clerk: 'cb01' },
      { type: 'ticket_called', number: 'B002', counter: 2, clerk: 'cb01' },
      issue('C002', 'ho-tich', 2),
    );
    const broken = { ...batch[1], counter: 'hai' };
    const report = await ingest(topic('events'), { events: [batch[0], broken, batch[2]] });
    expect(report).toMatchObject({ ingested: 2, duplicates: 0, skipped: 1 });
    const p = await picture();
    expect(field(p, 'chung-thuc')).toEqual({
      field: 'chung-thuc',
      waiting: 1,
      issuedToday: 2,
      servedToday: 1,
      noShowToday: 0,
    });
    expect(field(p, 'ho-tich')).toMatchObject({ waiting: 2, issuedToday: 2 });
    expect(counter(p, 2)).toEqual({ counter: 2, fields: ['chung-thuc', 'ho-tich'], clerk: 'cb01' });
    // The agent sends the repaired event again later: it counts then.
    expect(await ingest(topic('events'), { events: [batch[1]] })).toMatchObject({ ingested: 1 });
    expect(counter(await picture(), 2)).toMatchObject({ serving: 'B002' });
  });

  it('never counts waiting below zero when a service arrives before its call', async () => {
    const [login3, call, noShow, rejoin, served] = events(
      { type: 'clerk_logged_in', counter: 3, clerk: 'cb02' },
      { type: 'ticket_called', number: 'C001', counter: 3, clerk: 'cb02' },
      { type: 'ticket_no_show', number: 'C001', counter: 3, clerk: 'cb02' },
      { type: 'ticket_rejoined', number: 'C001' },
      { type: 'ticket_served', number: 'C002', counter: 3, clerk: 'cb02' },
    );
    // After an outage the outbox arrives in two batches, the later events first.
    await ingest(topic('events'), { events: [served, noShow] });
    let p = await picture();
    expect(field(p, 'ho-tich')).toEqual({
      field: 'ho-tich',
      waiting: 0,
      issuedToday: 2,
      servedToday: 1,
      noShowToday: 1,
    });
    await ingest(topic('events'), { events: [rejoin, call, login3] });
    p = await picture();
    expect(field(p, 'ho-tich')).toEqual({
      field: 'ho-tich',
      waiting: 1,
      issuedToday: 2,
      servedToday: 1,
      noShowToday: 0,
    });
    expect(counter(p, 3)).toEqual({ counter: 3, fields: ['chung-thuc', 'ho-tich'], clerk: 'cb02' });
    expect(p.fields.every((f) => f.waiting >= 0)).toBe(true);
  });

  it('takes the payload the IoT rule delivers to the Lambda', async () => {
    const [issued] = events(issue('D001', 'xay-dung-nha-o-dat-dai', 1));
    const report = await handler({ district: 'hai-chau', ward, kind: 'events', events: [issued] });
    expect(report).toMatchObject({ wardId: ward, ingested: 1 });
    expect(field(await picture(), 'xay-dung-nha-o-dat-dai')).toMatchObject({ waiting: 1, issuedToday: 1 });
  });

  it('drops a message whose topic names no ward of that district', async () => {
    const [issued] = events(issue('B009', 'chung-thuc', 9));
    expect(await ingest('motcua/thanh-khe/hai-chau-i/events', { events: [issued] })).toMatchObject({
      skipped: 1,
    });
    expect(
      await handler({ district: 'hai-chau', ward: 'nowhere', kind: 'events', events: [issued] }),
    ).toMatchObject({
      skipped: 1,
    });
    expect(field(await picture(), 'chung-thuc')).toMatchObject({ issuedToday: 2 });
  });
});

describe('Ingest: agent status', () => {
  it('shows the agent online with its outbox depth, devices and when it was last heard', async () => {
    const before = toLocalIso(new Date(Date.now() - 1000));
    await ingest(topic('status'), {
      online: true,
      outboxDepth: 42,
      devices: { printer: { online: false, detail: 'Máy in hết giấy' }, 'led_board-2': { online: true } },
      at: toLocalIso(new Date()),
    });
    const after = toLocalIso(new Date(Date.now() + 1000));
    const p = await picture();
    expect(p.agent).toMatchObject({ online: true, outboxDepth: 42 });
    const seen = p.agent.lastSeenAt as string;
    expect(seen >= before && seen <= after).toBe(true);
    expect(p.devices).toEqual([
      { id: 'printer', kind: 'printer', ok: false, detail: 'Máy in hết giấy' },
      { id: 'led_board-2', kind: 'led_board', ok: true },
    ]);
  });

  it('shows it offline after its last will, keeping the last known outbox depth', async () => {
    const online = (await picture()).agent.lastSeenAt as string;
    await new Promise((done) => setTimeout(done, 1100)); // lastSeenAt has whole seconds
    await ingest(topic('status'), { online: false, reason: 'connection_lost' });
    const p = await picture();
    expect(p.agent).toMatchObject({ online: false, outboxDepth: 42 });
    expect((p.agent.lastSeenAt as string) > online).toBe(true);
  });

  it('ignores an invalid status', async () => {
    expect(await ingest(topic('status'), { online: 'yes' })).toMatchObject({ status: 'invalid', skipped: 1 });
    expect((await picture()).agent.online).toBe(false);
  });
});

describe('API: GET /v1/wards/{wardId}/queue', () => {
  it('lets the district and the city read it', async () => {
    for (const user of ['district.hai-chau', 'city']) {
      const res = await api(server.url, await login(server.url, user)).get(`/v1/wards/${ward}/queue`);
      expect(res.status).toBe(200);
    }
  });

  it('refuses another ward, another district, and callers without a token', async () => {
    const other = api(server.url, await login(server.url, 'clerk.hai-chau-ii'));
    expect((await other.get(`/v1/wards/${ward}/queue`)).status).toBe(403);
    const district = api(server.url, await login(server.url, 'district.thanh-khe'));
    expect((await district.get(`/v1/wards/${ward}/queue`)).status).toBe(403);
    expect((await api(server.url).get(`/v1/wards/${ward}/queue`)).status).toBe(401);
    expect((await clerk.get('/v1/wards/nowhere/queue')).status).toBe(404);
  });
});

describe('API: GET /v1/public/wards/{wardId}/queue', () => {
  it('shows anyone, without a token, the staff picture’s numbers and waiting counts', async () => {
    const staff = await picture();
    const res = await api(server.url).get<PublicQueueBoard>(`/v1/public/wards/${ward}/queue`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ward: { id: ward, name: 'Phường Hải Châu I' },
      agentOnline: staff.agent.online,
      lastSeenAt: staff.agent.lastSeenAt,
      counters: staff.counters.map(({ counter, fields, serving }) => ({
        counter,
        fields,
        ...(serving ? { serving } : {}),
      })),
      fields: staff.fields.map(({ field, waiting }) => ({
        field,
        name: findField(field)?.name,
        waiting,
      })),
    });
    expect(res.body.counters.find((c) => c.counter === 2)?.serving).toBe('B002');
    expect(res.body.fields.find((f) => f.field === 'ho-tich')).toEqual({
      field: 'ho-tich',
      name: 'Hộ tịch',
      waiting: 1,
    });
  });

  it('gives away no clerk, device or outbox detail', async () => {
    const staff = await picture();
    expect(staff.counters.filter((c) => c.clerk).map((c) => c.clerk)).toEqual(['cb01', 'cb02']);
    const res = await api(server.url).get(`/v1/public/wards/${ward}/queue`);
    const text = JSON.stringify(res.body);
    for (const secret of ['cb01', 'cb02', 'clerk', 'outbox', 'devices', 'printer', 'Máy in', 'Today']) {
      expect(text).not.toContain(secret);
    }
  });

  it('answers 404 naming an unknown ward', async () => {
    const res = await api(server.url).get<{ error: { code: string; message: string } }>(
      '/v1/public/wards/nowhere/queue',
    );
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: "unknown ward 'nowhere'" });
  });
});
