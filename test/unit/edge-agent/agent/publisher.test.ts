import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventStore } from '../../../../edge-agent/src/outbox/event-store.ts';
import { Publisher } from '../../../../edge-agent/src/publisher.ts';

function storeWith(count: number, bodyBytes = 50): EventStore {
  const { store } = EventStore.open({ file: join(mkdtempSync(join(tmpdir(), 'motcua-pub-')), 'events.db') });
  store.append(
    Array.from({ length: count }, (_, i) => {
      const id = String(i).padStart(26, '0');
      return { id, day: '2026-03-02', body: { id, pad: 'x'.repeat(bodyBytes) } };
    }),
  );
  return store;
}

/** A sink whose publishes wait until the test answers them, to observe the window. */
function heldSink() {
  const held: { ids: string[]; answer: (ok: boolean) => void }[] = [];
  const sink = {
    online: true,
    publishEvents(batch: { events: Record<string, unknown>[] }) {
      return new Promise<void>((resolve, reject) => {
        held.push({
          ids: batch.events.map((e) => String(e.id)),
          answer: (ok) => (ok ? resolve() : reject(new Error('no PUBACK'))),
        });
      });
    },
  };
  return { sink, held };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Class: Publisher', () => {
  it('keeps at most inFlight batches unacknowledged and deletes a batch only after its PUBACK', async () => {
    const store = storeWith(50);
    const { sink, held } = heldSink();
    const publisher = new Publisher(store, sink, { batchSize: 5, inFlight: 3 });
    publisher.kick();
    expect(held.map((h) => h.ids.length)).toEqual([5, 5, 5]);
    expect(store.depth()).toBe(50);
    held[1]?.answer(true);
    await settle();
    expect(store.depth()).toBe(45);
    expect(held).toHaveLength(4); // the window refilled at once
    const sent = held.flatMap((h) => h.ids);
    expect(new Set(sent).size).toBe(sent.length); // nothing in flight twice
  });

  it('caps a batch by bytes so no message is large', async () => {
    const store = storeWith(20, 1_000);
    const { sink, held } = heldSink();
    new Publisher(store, sink, { batchBytes: 3_500, inFlight: 1 }).kick();
    expect(held[0]?.ids).toHaveLength(3);
  });

  it('leaves a failed batch in the outbox and sends it again on the next kick', async () => {
    const store = storeWith(4);
    const { sink, held } = heldSink();
    const publisher = new Publisher(store, sink, { batchSize: 4, inFlight: 1 });
    publisher.kick();
    held[0]?.answer(false);
    await publisher.idle();
    expect(store.depth()).toBe(4);
    expect(held).toHaveLength(1);
    publisher.kick();
    held[1]?.answer(true);
    await publisher.idle();
    expect(store.depth()).toBe(0);
    expect(held[1]?.ids).toEqual(held[0]?.ids);
  });

  it('sends nothing while offline', () => {
    const store = storeWith(3);
    const { sink, held } = heldSink();
    sink.online = false;
    new Publisher(store, sink).kick();
    expect(held).toHaveLength(0);
  });
});
