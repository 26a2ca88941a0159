import { join } from 'node:path';
import { findWard, type Ward } from '#domain/catalogue/units';
import { EventStore } from '../edge-agent/src/outbox/event-store.ts';
import { BrokerChild } from './agent-broker.ts';
import { AgentChild } from './agent-child.ts';
import { expectStatus, lan, loginCounters } from './agent-lan.ts';
import { rawPublishMs } from './agent-raw.ts';
import { epochMs, freePort, WARD_ID, type Workspace, writeAgentFiles } from './agent-setup.ts';
import { runDay } from './agent-workload.ts';
import { type Figure, ratio } from './results-file.ts';

const TARGET = 10_000;
/** The agent's Publisher defaults (edge-agent/src/publisher.ts): 4 batches of 100 awaiting PUBACK. */
const AGENT_BATCH = 100;
const AGENT_IN_FLIGHT = 4;
/** The raw baseline keeps as many events unacknowledged as the agent does, one per publish. */
const RAW_IN_FLIGHT = AGENT_BATCH * AGENT_IN_FLIGHT;

/**
 * Drain of a 10,000-event outbox after an outage, against raw QoS 1 publishes of the same events
 * to the same broker. The agent is a child process whose IoT endpoint is a port nobody listens
 * on yet; a day's traffic through its LAN API fills the outbox; then the broker starts on that
 * port and the agent comes back by its own reconnect loop (full-jitter backoff, up to 60 s).
 * The drain is timed from the agent's `online` status reaching the broker (TLS connect and the
 * backoff wait are outside) to `/health` reporting an empty outbox.
 */
export async function drainFigures(ws: Workspace): Promise<Record<string, Figure>> {
  const ward = findWard(WARD_ID) as Ward;
  const brokerPort = await freePort();
  const files = await writeAgentFiles(ws, 'drain', { brokerPort });
  const agent = await AgentChild.start(files);
  let broker: BrokerChild | undefined;
  try {
    console.log(`bench: agent drain: filling the outbox with ${TARGET} events, broker down…`);
    const day = await fillOutbox(agent);

    console.log('bench: agent drain: broker up; waiting for the agent to reconnect (backoff ≤ 60 s)…');
    broker = await BrokerChild.start(ws.ca.dir, brokerPort);
    const brokerUpAt = epochMs();
    broker.expect(TARGET);
    const online = await broker.next('online', 90_000);
    await broker.next('reached', 60_000);
    let end = 0;
    await agent.until(
      'empty outbox',
      async () => {
        const health = await agent.health();
        end = epochMs();
        return health?.outboxDepth === 0;
      },
      10_000,
      1,
    );
    const drainMs = end - online.at;
    const arrived = await broker.counts();
    await agent.stop();

    // The cloud got exactly what the agent recorded: the journal's ids, each at least once.
    const events = journal(files.dataDir, day);
    checkSameIds('drain', arrived.ids, events, arrived.unreadable);

    console.log(
      `bench: agent drain: raw publishes of the same ${TARGET} events (${RAW_IN_FLIGHT}, then ${AGENT_IN_FLIGHT} in flight)…`,
    );
    const raw = async (inFlight: number) => {
      await (broker as BrokerChild).reset();
      const ms = await rawPublishMs({
        port: brokerPort,
        thing: ws.thing,
        caPath: ws.ca.caCertPath,
        ward,
        events,
        inFlight,
      });
      const counted = await (broker as BrokerChild).counts();
      checkSameIds(`raw (${inFlight} in flight)`, counted.ids, events, counted.unreadable);
      if (counted.messages !== TARGET)
        throw new Error(`raw: ${counted.messages} messages arrived, expected ${TARGET}`);
      return ms;
    };
    const rawMs = await raw(RAW_IN_FLIGHT);
    const rawFewMs = await raw(AGENT_IN_FLIGHT);

    const rate = (ms: number) => Math.round(TARGET / (ms / 1000));
    return {
      'agent.outbox_drain_10000': {
        value: rate(drainMs),
        unit: 'events/s',
        comparedWith: {
          name: `raw QoS 1 publishes, one event each, ${RAW_IN_FLIGHT} awaiting PUBACK`,
          value: rate(rawMs),
          ratio: ratio(rate(drainMs), rate(rawMs)),
        },
        note:
          `${TARGET} events in ${Math.round(drainMs)} ms (${arrived.messages} batches of ≤ ${AGENT_BATCH}, ` +
          `${AGENT_IN_FLIGHT} in flight: ${Math.round(drainMs / Math.ceil(arrived.messages / AGENT_IN_FLIGHT))} ms ` +
          `per round of ${AGENT_IN_FLIGHT}), from the agent's online status to an empty outbox; reconnect took ` +
          `${((online.at - brokerUpAt) / 1000).toFixed(1)} s of backoff after the broker came up (not counted). ` +
          `Raw baseline ${Math.round(rawMs)} ms with ${RAW_IN_FLIGHT} in flight (as many events unacknowledged ` +
          `as the agent), ${rate(rawFewMs)} events/s with ${AGENT_IN_FLIGHT} in flight. Broker: local aedes over mTLS ` +
          'in its own process; all ids counted there. Budget: ratio ≥ 0.5.',
      },
    };
  } finally {
    await agent.stop();
    await broker?.stop();
  }
}

/** Runs the ward's day until the outbox holds exactly TARGET events; returns the local day. */
async function fillOutbox(agent: AgentChild): Promise<string> {
  const url = agent.lanUrl;
  const tokens = await loginCounters(url);
  // Stop a round's worth short (a round adds at most ~30 events), then top up one ticket at a time.
  await runDay(url, { tickets: TARGET, tokens, stop: (tally) => tally.events >= TARGET - 100 });
  const health = async () => {
    const h = await agent.health();
    if (!h) throw new Error('agent /health did not answer');
    if (h.online) throw new Error('the agent is online although no broker listens');
    return h.outboxDepth;
  };
  for (let depth = await health(); depth < TARGET; depth = await health()) {
    for (let i = depth; i < TARGET; i++)
      expectStatus(await lan(url, '/api/tickets', { body: { field: 'tu-van' } }), 201, 'kiosk press');
  }
  const depth = await health();
  if (depth !== TARGET) throw new Error(`outbox holds ${depth} events, expected exactly ${TARGET}`);
  const state = await lan(url, '/api/state', { method: 'GET' });
  return String(state.body.day);
}

/** The day's journal from the stopped agent's store, in append order. */
function journal(dataDir: string, day: string): unknown[] {
  const { store } = EventStore.open({ file: join(dataDir, 'events.db') });
  try {
    const events = store.journalFor(day).map((e) => e.body);
    if (events.length !== TARGET)
      throw new Error(
        `journal of ${day} holds ${events.length} events, expected ${TARGET} (a day rolled over?)`,
      );
    return events;
  } finally {
    store.close();
  }
}

function checkSameIds(
  what: string,
  arrived: readonly string[],
  events: readonly unknown[],
  unreadable: number,
): void {
  const expected = new Set(events.map((e) => (e as { id: string }).id));
  const got = new Set(arrived);
  const missing = [...expected].filter((id) => !got.has(id)).length;
  const extra = [...got].filter((id) => !expected.has(id)).length;
  if (missing > 0 || extra > 0 || unreadable > 0 || expected.size !== TARGET)
    throw new Error(
      `${what}: broker counted ${got.size} distinct ids; ${missing} missing, ${extra} unexpected, ` +
        `${unreadable} unreadable payloads (expected ${TARGET})`,
    );
}
