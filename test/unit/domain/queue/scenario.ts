import { QueueConfig } from '../../../../edge-agent/src/queue/config.ts';
import { QueueEngine } from '../../../../edge-agent/src/queue/engine.ts';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';

/** The queue layout the scenarios run on. */
export const config = QueueConfig.parse({
  fields: [
    { id: 'chung-thuc', name: 'Chứng thực', prefix: 'B' },
    { id: 'ho-tich', name: 'Hộ tịch', prefix: 'C' },
    { id: 'dat-dai', name: 'Đất đai', prefix: 'D' },
  ],
  counters: [
    { number: 2, fields: ['chung-thuc', 'ho-tich'] },
    { number: 3, fields: ['chung-thuc', 'ho-tich'] },
    { number: 4, fields: ['dat-dai'] },
  ],
});

/**
 * The real agent engine on a fake clock, minting ids in order like a monotonic ULID factory:
 * the events it makes are exactly what an agent would publish.
 */
export function agentDay(start = '2026-03-02T08:00:00+07:00') {
  let now = Date.parse(start);
  let id = 0;
  const engine = new QueueEngine(config, {
    now: () => new Date(now),
    newId: () => String(++id).padStart(26, '0'),
  });
  const log: QueueEvent[] = [];
  const record = (events: QueueEvent | QueueEvent[]) => {
    log.push(...(Array.isArray(events) ? events : [events]));
  };
  const advance = (seconds: number) => {
    now += seconds * 1000;
  };
  return { engine, log, record, advance };
}

/**
 * A morning with every kind of event: logins and a clerk change, calls, a recall, a no-show
 * after recalls and its rejoin, a transfer to another field, services and ratings, and tickets
 * still waiting at the end.
 */
export function busyMorning() {
  const day = agentDay();
  const { engine, record, advance } = day;
  record(engine.login(2, 'cb01'));
  record(engine.login(3, 'cb02'));
  record(engine.login(4, 'cb03'));
  for (const field of ['chung-thuc', 'chung-thuc', 'ho-tich', 'dat-dai', 'chung-thuc', 'ho-tich']) {
    record(engine.issueTicket(field).event);
    advance(30);
  }
  advance(120);
  record(engine.callNext(2)); // B001 to counter 2
  advance(60);
  record(engine.callNext(3)); // B002 to counter 3
  advance(240);
  record(engine.complete(2)); // B001 served after 5 min
  advance(5);
  record(engine.rate(2, 4));
  record(engine.callNext(2)); // C001
  advance(20);
  record(engine.transfer(2, 'dat-dai')); // C001 goes to đất đai
  record(engine.recall(3));
  advance(30);
  record(engine.recall(3));
  advance(30);
  record(engine.recall(3)); // third press after two recalls: B002 no-show
  advance(60);
  record(engine.rejoin('B002'));
  record(engine.callNext(4)); // C001 (transferred, arrived before D001)
  advance(300);
  record(engine.callNext(4)); // C001 served, D001 called
  advance(10);
  record(engine.rate(4, 2));
  record(engine.login(3, 'cb04')); // cb02 hands counter 3 over
  record(engine.callNext(3)); // B002 again
  return day;
}

/** What the agent itself shows per field and counter at the end of its log. */
export function agentView(engine: QueueEngine) {
  const fields = new Map<string, { waiting: number; served: number; noShow: number }>();
  for (const t of engine.state.tickets.values()) {
    const f = fields.get(t.field) ?? { waiting: 0, served: 0, noShow: 0 };
    if (t.status === 'waiting') f.waiting += 1;
    if (t.status === 'served') f.served += 1;
    if (t.status === 'no_show') f.noShow += 1;
    fields.set(t.field, f);
  }
  const counters = [...engine.state.counters.values()].map((c) => ({
    counter: c.number,
    serving: c.serving,
    clerk: c.clerk,
  }));
  return { fields, counters };
}
