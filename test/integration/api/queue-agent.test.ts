import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { QueuePicture } from '#domain/queue/picture';
import type { PublicQueueBoard } from '#domain/queue/public-board';
import { tablesFor } from '#infra/local/create-tables';
import { DEMO_PIN, DEMO_WARD } from '#infra/local/queue-runtime';
import { type Runtime, startRuntime } from '#infra/local/runtime';
import type { Agent } from '../../../edge-agent/src/agent.ts';
import type { AgentSnapshot } from '../../../edge-agent/src/agent-api.ts';
import { api, login } from '../../support/local-api.ts';

/**
 * The whole way, as in `npm start`: a clerk's request to the API, the data-plane Publish, the
 * MQTT broker, the demo ward agent carrying the command out, its events back through the rule
 * bridge into the ingest, and the queue as the API then shows it.
 */
const ward = DEMO_WARD;
const dynamodbEndpoint = inject('dynamodbEndpoint');
const tablePrefix = `t${randomBytes(4).toString('hex')}`;

let runtime: Runtime;
let agent: Agent;
let clerk: ReturnType<typeof api>;

beforeAll(async () => {
  runtime = await startRuntime({
    port: 0,
    dynamodbEndpoint,
    tablePrefix,
    inMemory: true,
    queue: { brokerPort: 0, agentPort: 0 },
  });
  agent = (runtime.queue as NonNullable<Runtime['queue']>).agent.agent;
  clerk = api(runtime.url, await login(runtime.url, `clerk.${ward}`));
  await eventually(async () => agent.snapshot().cloud.online, 'the agent to connect');
});
afterAll(async () => {
  await runtime?.stop();
  const client = new DynamoDBClient({ endpoint: dynamodbEndpoint });
  await Promise.all(
    tablesFor(tablePrefix).map((t) => client.send(new DeleteTableCommand({ TableName: t.name }))),
  );
  client.destroy();
});

/** Polls `check` until it holds: the command and the events back each cross the broker. */
async function eventually<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const counterOf = (snapshot: AgentSnapshot, n: number) => snapshot.counters.find((c) => c.counter === n);
const fieldOf = (snapshot: AgentSnapshot, id: string) => snapshot.fields.find((f) => f.field === id);

async function command(action: string, body?: unknown): Promise<void> {
  const res = await clerk.post(`/v1/wards/${ward}/counters/2/${action}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
}

describe('Counter commands from the API, carried out by the ward agent', () => {
  it('calls, marks a no-show, calls again and transfers the ticket, and the cloud sees it all', async () => {
    for (const field of ['chung-thuc', 'chung-thuc', 'ho-tich']) await agent.issueTicket(field, null);
    await agent.loginClerk(2, `clerk.${ward}`, DEMO_PIN);

    await command('call-next');
    await eventually(async () => counterOf(agent.snapshot(), 2)?.serving === 'B001', 'B001 at counter 2');

    await command('no-show');
    await eventually(
      async () => fieldOf(agent.snapshot(), 'chung-thuc')?.noShowToday === 1,
      'B001 marked a no-show',
    );
    expect(counterOf(agent.snapshot(), 2)?.serving).toBeUndefined();

    await command('call-next');
    await eventually(async () => counterOf(agent.snapshot(), 2)?.serving === 'B002', 'B002 at counter 2');

    await command('transfer', { field: 'ho-tich' });
    await eventually(
      async () => fieldOf(agent.snapshot(), 'ho-tich')?.waiting === 2,
      'B002 waiting in ho-tich',
    );
    const snapshot = agent.snapshot();
    expect(counterOf(snapshot, 2)?.serving).toBeUndefined();
    expect(fieldOf(snapshot, 'chung-thuc')).toMatchObject({ waiting: 0, noShowToday: 1 });

    // The transferred ticket keeps its number and its place: it arrived before C001.
    await command('call-next');
    await eventually(async () => counterOf(agent.snapshot(), 2)?.serving === 'B002', 'B002 called again');

    const picture = await eventually(async () => {
      const p = (await clerk.get<QueuePicture>(`/v1/wards/${ward}/queue`)).body;
      const certification = p.fields.find((f) => f.field === 'chung-thuc');
      return p.counters.find((c) => c.counter === 2)?.serving === 'B002' &&
        p.fields.find((f) => f.field === 'ho-tich')?.waiting === 1 &&
        certification?.noShowToday === 1 &&
        certification.issuedToday === 2
        ? p
        : undefined;
    }, 'the events in the cloud');
    expect(picture.fields.find((f) => f.field === 'chung-thuc')).toMatchObject({
      issuedToday: 2,
      noShowToday: 1,
      waiting: 0,
    });
    // The agent publishes in parallel batches, so the cloud may pass through an older state (the
    // first call of B002, before its transfer reached it) on its way: wait for the board to agree.
    const board = await eventually(async () => {
      const b = await api(runtime.url).get<PublicQueueBoard>(`/v1/public/wards/${ward}/queue`);
      return b.body.counters.find((c) => c.counter === 2)?.serving === 'B002' ? b : undefined;
    }, 'the public board to show B002 at counter 2');
    expect(board.body).toMatchObject({ ward: { id: ward }, agentOnline: true });
    expect(board.body.counters.find((c) => c.counter === 2)).toEqual({
      counter: 2,
      fields: ['chung-thuc', 'ho-tich'],
      serving: 'B002',
    });
    expect(board.body.fields.find((f) => f.field === 'ho-tich')).toEqual({
      field: 'ho-tich',
      name: 'Hộ tịch',
      waiting: 1,
    });
  });
});

describe('The demo ward’s config on a fresh local stack', () => {
  it('is stored in the cloud with the demo clerk, so an admin’s first save keeps the clerk able to log in', async () => {
    const admin = api(runtime.url, await login(runtime.url, `admin.${ward}`));
    const stored = await admin.get<{ version: number; staff: { id: string; pinHash?: string }[] }>(
      `/v1/wards/${ward}/queue/config`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body.version).toBe(1);
    expect(stored.body.staff.map((s) => s.id)).toEqual([`clerk.${ward}`]);

    const saved = await admin.put(`/v1/wards/${ward}/queue/config`, { ...stored.body, version: 2 });
    expect(saved.status).toBe(200);
    await eventually(async () => agent.config.version === 2, 'the agent to take version 2');
    expect(agent.config.staff.map((s) => s.id)).toEqual([`clerk.${ward}`]);
    const { session } = await agent.loginClerk(3, `clerk.${ward}`, DEMO_PIN);
    expect(session).toEqual({ counter: 3, clerk: `clerk.${ward}` });
  });
});
