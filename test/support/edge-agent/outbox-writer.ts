/**
 * Child process of the outbox kill test: appends events in a tight loop until it is killed,
 * and acknowledges some now and then as the cloud link would. It prints one line per step,
 * only after the call returned, so every line it printed is a promise the store must keep:
 *   A <day> <id> …    appended, all to that day's journal
 *   K? <id> <id> …    about to acknowledge (the kill may land inside: all or none)
 *   K <id> <id> …     acknowledged
 * Usage: node --import tsx outbox-writer.ts <database file>
 */
import { monotonicFactory } from 'ulid';
import { EventStore } from '../../../edge-agent/src/outbox/event-store.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: outbox-writer.ts <database file>');

// Writes to a pipe are synchronous on Linux, so a line is out before the next append starts.
const print = (line: string) => process.stdout.write(`${line}\n`);

// The bound is out of the way here: a dropped event would look like a lost one.
const { store, alerts } = EventStore.open({ file, maxPending: 10_000_000 });
if (alerts.length > 0) print(`ALERT ${JSON.stringify(alerts)}`);
print('READY');

const ulid = monotonicFactory();
// Two days, so that the journal is checked per day.
const DAYS = ['2026-03-02', '2026-03-03'] as const;

for (let n = 0; ; n++) {
  // Mostly one event (a kiosk press), sometimes a larger batch (a call that serves and calls).
  const day = DAYS[n % 2] as string;
  const ids = Array.from({ length: n % 10 === 0 ? 25 : 1 + (n % 3) }, () => ulid());
  store.append(ids.map((id) => ({ id, day, body: { type: 'ticket_issued', n, id } })));
  print(`A ${day} ${ids.join(' ')}`);
  if (n % 8 === 7) {
    const acked = store
      .pending(30)
      .filter((_, i) => i % 2 === 0)
      .map((e) => e.id);
    print(`K? ${acked.join(' ')}`);
    store.acknowledge(acked);
    print(`K ${acked.join(' ')}`);
  }
}
