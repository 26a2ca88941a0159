import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueuePicture } from '#domain/queue/picture';
import { seedWardConfig, type WardConfig } from '../../../edge-agent/src/ward-config.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

const ward = 'thanh-binh';
const base = `motcua/hai-chau/${ward}`;

/** What the data-plane stand-in received: `POST /topics/<topic>?qos=…&retain=…` and the body. */
interface Published {
  readonly topic: string;
  readonly qos: string | null;
  readonly retain: string | null;
  readonly body: Record<string, unknown>;
}

let server: TestApi;
let dataPlane: Server;
const published: Published[] = [];
let clerk: ReturnType<typeof api>;
let admin: ReturnType<typeof api>;

beforeAll(async () => {
  dataPlane = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = /^\/topics\/([^/]+)$/.exec(url.pathname);
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      published.push({
        topic: decodeURIComponent(match[1] as string),
        qos: url.searchParams.get('qos'),
        retain: url.searchParams.get('retain'),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"message":"OK"}');
    });
  });
  await new Promise<void>((done) => dataPlane.listen(0, '127.0.0.1', done));
  const address = dataPlane.address();
  process.env.MOTCUA_IOT_DATA_ENDPOINT = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  server = await startTestApi();
  clerk = api(server.url, await login(server.url, `clerk.${ward}`));
  admin = api(server.url, await login(server.url, `admin.${ward}`));
});
afterAll(async () => {
  await server?.stop();
  await new Promise((done) => dataPlane?.close(done));
});
beforeEach(() => {
  published.length = 0;
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; reason: string }[];
    currentVersion?: number;
  };
}

describe('API: POST /v1/wards/{wardId}/counters/{counter}/call-next|recall|complete', () => {
  it.each([
    ['call-next', 'call_next'],
    ['recall', 'recall'],
    ['complete', 'complete'],
  ])('publishes %s to the ward agent’s commands topic at QoS 1, expiring in 30 s', async (action, type) => {
    const before = Date.now();
    const res = await clerk.post<{ commandId: string; expiresAt: string }>(
      `/v1/wards/${ward}/counters/2/${action}`,
    );
    expect(res.status).toBe(202);
    expect(published).toHaveLength(1);
    const [message] = published as [Published];
    expect(message).toMatchObject({ topic: `${base}/commands`, qos: '1', retain: 'false' });
    expect(message.body).toEqual({ id: res.body.commandId, type, counter: 2, expiresAt: res.body.expiresAt });
    expect(res.body.commandId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(res.body.expiresAt).toMatch(/\+07:00$/);
    const expiresIn = Date.parse(res.body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(28_000);
    expect(expiresIn).toBeLessThanOrEqual(31_000);
  });

  it('refuses a clerk of another ward, other roles, and callers without a token, publishing nothing', async () => {
    const other = api(server.url, await login(server.url, 'clerk.hai-chau-i'));
    expect((await other.post(`/v1/wards/${ward}/counters/2/call-next`)).status).toBe(403);
    const specialist = api(server.url, await login(server.url, `specialist.${ward}`));
    expect((await specialist.post(`/v1/wards/${ward}/counters/2/call-next`)).status).toBe(403);
    expect((await api(server.url).post(`/v1/wards/${ward}/counters/2/call-next`)).status).toBe(401);
    expect(published).toEqual([]);
  });

  it.each(['abc', '0', '100', '-1', '2.5'])(
    'answers 400 naming path.counter for counter %s',
    async (counter) => {
      const res = await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/${counter}/call-next`);
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.map((f) => f.field)).toEqual(['path.counter']);
      expect(published).toEqual([]);
    },
  );

  it('answers 400 for a counter the ward does not have, and 404 for an unknown ward', async () => {
    const res = await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/12/recall`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'path.counter', reason: expect.stringMatching(/no counter 12/) },
    ]);
    expect((await clerk.post('/v1/wards/nowhere/counters/2/recall')).status).toBe(404);
    expect(published).toEqual([]);
  });
});

describe('API: POST /v1/wards/{wardId}/counters/{counter}/no-show|transfer', () => {
  it('publishes no-show for the counter, like the other counter commands', async () => {
    const res = await clerk.post<{ commandId: string; expiresAt: string }>(
      `/v1/wards/${ward}/counters/3/no-show`,
    );
    expect(res.status).toBe(202);
    expect(published).toEqual([
      {
        topic: `${base}/commands`,
        qos: '1',
        retain: 'false',
        body: { id: res.body.commandId, type: 'no_show', counter: 3, expiresAt: res.body.expiresAt },
      },
    ]);
  });

  it('publishes transfer with the field the ticket goes to', async () => {
    const res = await clerk.post<{ commandId: string; expiresAt: string }>(
      `/v1/wards/${ward}/counters/2/transfer`,
      { field: 'ho-tich' },
    );
    expect(res.status).toBe(202);
    expect(res.body.expiresAt).toMatch(/\+07:00$/);
    expect(published).toEqual([
      {
        topic: `${base}/commands`,
        qos: '1',
        retain: 'false',
        body: {
          id: res.body.commandId,
          type: 'transfer',
          counter: 2,
          field: 'ho-tich',
          expiresAt: res.body.expiresAt,
        },
      },
    ]);
  });

  it.each([
    ['no field', {}, /is required/],
    ['an empty field', { field: '' }, /./],
    ['a field that is not text', { field: 7 }, /./],
    ['a field the ward does not have', { field: 'dat-dai' }, /ward thanh-binh has no queue field 'dat-dai'/],
  ])('answers 400 naming field for %s, publishing nothing', async (_, body, reason) => {
    const res = await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/2/transfer`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'field', reason: expect.stringMatching(reason) }]);
    expect(published).toEqual([]);
  });

  it('answers 400 without a body or with other keys, publishing nothing', async () => {
    expect((await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/2/transfer`)).status).toBe(400);
    const extra = await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/2/transfer`, {
      field: 'ho-tich',
      ticket: 'B001',
    });
    expect(extra.status).toBe(400);
    expect(published).toEqual([]);
  });

  it('refuses other wards’ clerks, other roles and callers without a token, publishing nothing', async () => {
    const other = api(server.url, await login(server.url, 'clerk.hai-chau-i'));
    const specialist = api(server.url, await login(server.url, `specialist.${ward}`));
    for (const caller of [other, specialist]) {
      expect((await caller.post(`/v1/wards/${ward}/counters/2/no-show`)).status).toBe(403);
      expect((await caller.post(`/v1/wards/${ward}/counters/2/transfer`, { field: 'ho-tich' })).status).toBe(
        403,
      );
    }
    expect((await api(server.url).post(`/v1/wards/${ward}/counters/2/no-show`)).status).toBe(401);
    expect(
      (await api(server.url).post(`/v1/wards/${ward}/counters/2/transfer`, { field: 'ho-tich' })).status,
    ).toBe(401);
    expect(published).toEqual([]);
  });

  it('answers 400 naming path.counter for a counter the ward does not have', async () => {
    for (const res of [
      await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/12/no-show`),
      await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/12/transfer`, { field: 'ho-tich' }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error.fields?.map((f) => f.field)).toEqual(['path.counter']);
    }
    expect(published).toEqual([]);
  });
});

describe('API: /v1/wards/{wardId}/queue/config', () => {
  const staff = [
    { id: 'cb01', name: 'Trần Thị Bình', pinHash: `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}` },
  ];
  const next: WardConfig = {
    ...seedWardConfig(staff),
    version: 1,
    queue: {
      ...seedWardConfig().queue,
      fields: [
        { id: 'chung-thuc', name: 'Chứng thực', prefix: 'B' },
        { id: 'ho-tich', name: 'Hộ tịch', prefix: 'C' },
      ],
      counters: [
        { number: 1, fields: ['chung-thuc'] },
        { number: 12, fields: ['chung-thuc', 'ho-tich'] },
      ],
    },
    display: { title: 'UBND phường Thanh Bình' },
  };

  it('gives the seed layout before any config is stored', async () => {
    const res = await clerk.get<WardConfig>(`/v1/wards/${ward}/queue/config`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(seedWardConfig());
  });

  it('stores a newer config and publishes it retained on the config topic', async () => {
    const res = await admin.put<WardConfig>(`/v1/wards/${ward}/queue/config`, next);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(next);
    expect(published).toEqual([{ topic: `${base}/config`, qos: '1', retain: 'true', body: next }]);
    expect((await admin.get(`/v1/wards/${ward}/queue/config`)).body).toEqual(next);
  });

  it('hides PIN hashes from staff who are not the ward admin', async () => {
    const res = await clerk.get<WardConfig>(`/v1/wards/${ward}/queue/config`);
    expect(res.body.staff).toEqual([{ id: 'cb01', name: 'Trần Thị Bình' }]);
  });

  it('runs the queue on the stored config: its counters in the picture and for commands', async () => {
    const picture = (await clerk.get<QueuePicture>(`/v1/wards/${ward}/queue`)).body;
    expect(picture.counters.map((c) => c.counter)).toEqual([1, 12]);
    expect(picture.fields.map((f) => f.field)).toEqual(['chung-thuc', 'ho-tich']);
    expect((await clerk.post(`/v1/wards/${ward}/counters/12/call-next`)).status).toBe(202);
    expect((await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/2/call-next`)).status).toBe(400);
  });

  it('publishes the same config again when it is sent again (a retry)', async () => {
    expect((await admin.put(`/v1/wards/${ward}/queue/config`, next)).status).toBe(200);
    expect(published).toEqual([{ topic: `${base}/config`, qos: '1', retain: 'true', body: next }]);
  });

  it('answers 409 with the current version when the version does not increase', async () => {
    const res = await admin.put<ErrorBody>(`/v1/wards/${ward}/queue/config`, {
      ...next,
      display: { title: 'Khác' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.currentVersion).toBe(1);
    expect(published).toEqual([]);
  });

  it('answers 400 naming each bad field, and stores nothing', async () => {
    const bad = {
      ...next,
      version: 2,
      queue: { ...next.queue, counters: [{ number: 1, fields: ['dat-dai'] }] },
      staff: [{ id: 'cb01', name: 'Bình', pinHash: '2468' }],
    };
    const res = await admin.put<ErrorBody>(`/v1/wards/${ward}/queue/config`, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.field).sort()).toEqual([
      'queue.counters.0.fields.0',
      'staff.0.pinHash',
    ]);
    expect(published).toEqual([]);
    expect((await admin.get<WardConfig>(`/v1/wards/${ward}/queue/config`)).body.version).toBe(1);
  });

  it('lets only the ward’s own admin write, and only its staff read', async () => {
    const body = { ...next, version: 5 };
    expect((await clerk.put(`/v1/wards/${ward}/queue/config`, body)).status).toBe(403);
    const otherAdmin = api(server.url, await login(server.url, 'admin.hai-chau-i'));
    expect((await otherAdmin.put(`/v1/wards/${ward}/queue/config`, body)).status).toBe(403);
    expect((await otherAdmin.get(`/v1/wards/${ward}/queue/config`)).status).toBe(403);
    const district = api(server.url, await login(server.url, 'district.hai-chau'));
    expect((await district.get(`/v1/wards/${ward}/queue/config`)).status).toBe(403);
    expect((await api(server.url).get(`/v1/wards/${ward}/queue/config`)).status).toBe(401);
    expect(published).toEqual([]);
  });

  it('refuses a transfer to a field of the stored config that no counter serves', async () => {
    const unserved: WardConfig = {
      ...next,
      version: 2,
      queue: {
        ...next.queue,
        counters: [
          { number: 1, fields: ['chung-thuc'] },
          { number: 12, fields: ['chung-thuc'] },
        ],
      },
    };
    expect((await admin.put(`/v1/wards/${ward}/queue/config`, unserved)).status).toBe(200);
    published.length = 0;
    const res = await clerk.post<ErrorBody>(`/v1/wards/${ward}/counters/12/transfer`, { field: 'ho-tich' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { field: 'field', reason: "no counter of ward thanh-binh serves field 'ho-tich'" },
    ]);
    expect(published).toEqual([]);
    expect((await clerk.post(`/v1/wards/${ward}/counters/12/transfer`, { field: 'chung-thuc' })).status).toBe(
      202,
    );
  });
});
