import { startLocalBroker } from '../infra/local/iot/broker.ts';
import { loadOrCreateLocalCa } from '../infra/local/iot/ca.ts';
import { CLOUD_IDENTITY } from '../infra/local/iot/topic-policy.ts';
import type { BrokerReport, BrokerRequest } from './agent-broker.ts';
import { epochMs } from './agent-setup.ts';

/**
 * Child process: the local IoT broker (aedes over mTLS) on a given port, plus the cloud's view
 * of it — which event ids arrived, and when the agent said it was online. It runs in its own
 * process so that the broker's CPU does not share an event loop with the agent or with the raw
 * publisher it is compared against.
 *
 * Usage (by agent-broker.ts, with an IPC channel): `node --import tsx bench/agent-broker-main.ts <caDir> <port>`
 */
const [caDir, port] = process.argv.slice(2);
if (!caDir || !port || !process.send) throw new Error('usage: agent-broker-main.ts <caDir> <port>, with IPC');
const send = (report: BrokerReport) => process.send?.(report);

const ca = await loadOrCreateLocalCa(caDir);
const broker = await startLocalBroker({ ca, port: Number(port), onDenied: () => {} });

let ids = new Set<string>();
let messages = 0;
let unreadable = 0;
let expected = Number.POSITIVE_INFINITY;

await broker.subscribeAs(CLOUD_IDENTITY, 'motcua/+/+/events', ({ payload }) => {
  messages += 1;
  try {
    const batch = JSON.parse(payload.toString('utf8')) as { events: { id: string }[] };
    for (const event of batch.events) ids.add(event.id);
  } catch {
    unreadable += 1;
  }
  if (ids.size >= expected) {
    expected = Number.POSITIVE_INFINITY;
    send({ type: 'reached', at: epochMs(), distinct: ids.size });
  }
});
await broker.subscribeAs(CLOUD_IDENTITY, 'motcua/+/+/status', ({ payload }) => {
  try {
    const status = JSON.parse(payload.toString('utf8')) as { online?: boolean };
    // Arrives just before the agent's PUBACK and its `online`: the drain starts right after.
    if (status.online === true) send({ type: 'online', at: epochMs() });
  } catch {
    unreadable += 1;
  }
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await broker.stop();
  process.exit(0);
};
process.on('message', (request: BrokerRequest) => {
  if (request.type === 'expect') {
    expected = request.events;
    if (ids.size >= expected) send({ type: 'reached', at: epochMs(), distinct: ids.size });
  } else if (request.type === 'reset') {
    ids = new Set();
    messages = 0;
    unreadable = 0;
    expected = Number.POSITIVE_INFINITY;
    send({ type: 'reset' });
  } else if (request.type === 'counts') {
    send({ type: 'counts', messages, unreadable, ids: [...ids] });
  } else if (request.type === 'stop') {
    void stop();
  }
});
// Never outlive the bench.
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
send({ type: 'ready', port: broker.port });
