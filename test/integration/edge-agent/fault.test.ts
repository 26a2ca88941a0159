import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../edge-agent/src/outbox/event-store.ts';
import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import { hashPin } from '../../../edge-agent/src/sessions.ts';
import { type RuleBridge, startRuleBridge } from '../../../infra/local/iot/bridge.ts';
import { type LocalBroker, startLocalBroker } from '../../../infra/local/iot/broker.ts';
import { loadOrCreateLocalCa } from '../../../infra/local/iot/ca.ts';
import { AgentProcess, freePort } from '../../support/edge-agent/agent-process.ts';

const TICKETS = 2000;
const OUTAGES = 6;
const KILLS = 3;
const COUNTERS = [2, 3];
const FIELDS = ['chung-thuc', 'ho-tich'];

const dir = mkdtempSync(join(tmpdir(), 'motcua-fault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Seeded pseudo-random numbers, so a failing run can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('Fault: the ward keeps working through broker outages and agent crashes', () => {
  it(`serves ${TICKETS} tickets through ${OUTAGES} broker outages and ${KILLS} SIGKILLs; the cloud gets every event exactly once`, async () => {
    const seed = Number(process.env.MOTCUA_FAULT_SEED ?? Date.now() % 100_000);
    const rand = random(seed);
    const ca = await loadOrCreateLocalCa(join(dir, 'ca'));
    const thing = await ca.clientCertificate('motcua-hai-chau-i');
    const brokerPort = await freePort();
    const lanPort = await freePort();

    // The "cloud": every delivery the IoT rule would hand to the ingest function.
    const deliveries: QueueEvent[] = [];
    let broker: LocalBroker | undefined;
    let bridge: RuleBridge | undefined;
    const brokerUp = async () => {
      broker = await startLocalBroker({ ca, host: '127.0.0.1', port: brokerPort });
      bridge = await startRuleBridge({
        broker,
        onEvents: (_topic, payload, source) => {
          if (source.kind === 'events') deliveries.push(...(payload as { events: QueueEvent[] }).events);
        },
      });
    };
    const brokerDown = async () => {
      await bridge?.stop();
      await broker?.stop();
      broker = undefined;
    };
    await brokerUp();

    const staffFile = join(dir, 'staff.json');
    writeFileSync(
      staffFile,
      JSON.stringify([{ id: 'clerk.hai-chau-i', name: 'Lê Văn Tâm', pinHash: hashPin('2468') }]),
    );
    const configFile = join(dir, 'agent.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        wardId: 'hai-chau-i',
        iot: {
          endpoint: `127.0.0.1:${brokerPort}`,
          certPath: thing.certPath,
          keyPath: thing.keyPath,
          caPath: ca.caCertPath,
        },
        dataDir: join(dir, 'agent-data'),
        lan: { host: '127.0.0.1', port: lanPort },
        staffFile,
      }),
    );
    const lan = `http://127.0.0.1:${lanPort}`;
    const agent = new AgentProcess(configFile, lan);
    await agent.start();

    // LAN calls; a refused connection is only allowed while the agent is being restarted.
    let restarting = false;
    let lanFailuresWhileUp = 0;
    const call = async (path: string, body: unknown, token?: string) => {
      for (;;) {
        try {
          const res = await fetch(`${lan}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          });
          return {
            status: res.status,
            body: (await res.json().catch(() => ({}))) as Record<string, unknown>,
          };
        } catch (error) {
          if (!restarting && agent.running) lanFailuresWhileUp += 1;
          await new Promise((r) => setTimeout(r, 50));
          if (!restarting && !agent.running) throw error;
        }
      }
    };
    const tokens = new Map<number, string>();
    for (const counter of COUNTERS) {
      const res = await call(`/api/counters/${counter}/login`, { clerk: 'clerk.hai-chau-i', pin: '2468' });
      tokens.set(counter, String(res.body.token));
    }

    // Chaos at evenly spaced points of progress, in a shuffled order.
    const plan = [...Array(OUTAGES).fill('outage'), ...Array(KILLS).fill('kill')].sort(() => rand() - 0.5);
    let brokerOutages = 0;
    let kills = 0;
    const chaos = async (what: string) => {
      if (what === 'outage') {
        brokerOutages += 1;
        await brokerDown();
        await new Promise((r) => setTimeout(r, 300 + rand() * 1200));
        await brokerUp();
      } else {
        kills += 1;
        restarting = true;
        await new Promise((r) => setTimeout(r, rand() * 30));
        await agent.kill();
        await agent.start();
        restarting = false;
      }
    };

    let issued = 0;
    let served = 0;
    let next = 0;
    let pendingChaos: Promise<void> = Promise.resolve();
    while (served < TICKETS) {
      if (next < plan.length && served >= ((next + 1) * TICKETS) / (plan.length + 1)) {
        await pendingChaos;
        pendingChaos = chaos(plan[next++] as string);
      }
      if (issued < TICKETS) {
        const res = await call('/api/tickets', { field: FIELDS[issued % FIELDS.length] });
        if (res.status === 201) issued += 1;
      }
      const counter = COUNTERS[served % COUNTERS.length] as number;
      const token = tokens.get(counter);
      const called = await call(`/api/counters/${counter}/call-next`, {}, token);
      if (called.status === 200) {
        const done = await call(`/api/counters/${counter}/complete`, {}, token);
        if (done.status === 200) served += 1;
      } else if (issued >= TICKETS) {
        break; // nobody waiting: a ticket issued just before a kill may have been served already
      }
    }
    await pendingChaos;

    // The network is back: the outbox drains, then the agent stops cleanly.
    if (!broker) await brokerUp();
    const drained = Date.now() + 60_000;
    for (;;) {
      const health = (await (await fetch(`${lan}/health`)).json()) as {
        cloud: { online: boolean; outboxDepth: number };
      };
      if (health.cloud.online && health.cloud.outboxDepth === 0) break;
      if (Date.now() > drained) throw new Error(`outbox did not drain: ${JSON.stringify(health)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await bridge?.idle();
    await agent.stop();
    await brokerDown();

    const { store } = EventStore.open({ file: join(dir, 'agent-data', 'events.db') });
    const days = [...new Set(deliveries.map((e) => e.day))];
    const journal = days.flatMap((day) => store.journalFor(day).map((e) => e.body as QueueEvent));
    store.close();

    expect({ seed, brokerOutages, kills, lanFailuresWhileUp }).toEqual({
      seed,
      brokerOutages: OUTAGES,
      kills: KILLS,
      lanFailuresWhileUp: 0,
    });
    // Every event the agent recorded reached the cloud; deduplicated on id, none is missing or extra.
    const delivered = new Set(deliveries.map((e) => e.id));
    expect([...delivered].sort()).toEqual(journal.map((e) => e.id).sort());
    // Numbers are unique per field per day.
    const numbers = journal
      .filter((e) => e.type === 'ticket_issued')
      .map((e) => `${e.day}/${'number' in e ? e.number : ''}`);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBeGreaterThanOrEqual(TICKETS);
    expect(journal.filter((e) => e.type === 'ticket_served').length).toBeGreaterThanOrEqual(TICKETS);
  }, 600_000);
});
