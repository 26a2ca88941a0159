import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../../edge-agent/src/outbox/event-store.ts';

const DAYS = ['2026-03-01', '2026-03-02', '2026-03-03'] as const;
const MAX_PENDING = 6;
const dir = mkdtempSync(join(tmpdir(), 'motcua-outbox-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Few ids and days, so that repeats, acknowledged re-appends and pruned days come up often.
const id = fc.constantFrom(...'abcdefghijkl');
const day = fc.constantFrom(...DAYS);
const operation = fc.oneof(
  {
    arbitrary: fc.record({
      op: fc.constant('append'),
      batch: fc.array(fc.record({ id, day }), { maxLength: 4 }),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ op: fc.constant('acknowledge'), ids: fc.array(id, { maxLength: 4 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ op: fc.constant('prune'), day }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reopen') }), weight: 1 },
);

type Entry = { id: string; day: string };

/** What the store should hold: the contract written as plain arrays. */
class Model {
  journal: Entry[] = [];
  outbox: Entry[] = [];
  dropped = 0;

  append(batch: readonly Entry[]): void {
    for (const e of batch) {
      if (this.journal.some((j) => j.id === e.id)) continue;
      this.journal.push(e);
      if (!this.outbox.some((o) => o.id === e.id)) this.outbox.push(e);
    }
    const excess = this.outbox.length - MAX_PENDING;
    if (excess > 0) {
      this.outbox.splice(0, excess);
      this.dropped += excess;
    }
  }
}

let runs = 0;

describe('Class: EventStore', () => {
  it('behaves like the model over any sequence of appends, acknowledgements, prunes and restarts', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 20 }), (operations) => {
        const file = join(dir, `run-${++runs}.db`);
        const model = new Model();
        let store = EventStore.open({ file, maxPending: MAX_PENDING }).store;
        try {
          for (const o of operations) {
            if (o.op === 'append') {
              store.append(o.batch.map((e) => ({ ...e, body: { n: e.id } })));
              model.append(o.batch);
            } else if (o.op === 'acknowledge') {
              store.acknowledge(o.ids);
              model.outbox = model.outbox.filter((e) => !o.ids.includes(e.id));
            } else if (o.op === 'prune') {
              store.pruneJournal(o.day);
              model.journal = model.journal.filter((e) => e.day >= o.day);
            } else {
              store.close();
              store = EventStore.open({ file, maxPending: MAX_PENDING }).store;
            }
            expect(store.pending(100).map(({ id, day }) => ({ id, day }))).toEqual(model.outbox);
            for (const d of DAYS) {
              expect(store.journalFor(d).map((e) => e.id)).toEqual(
                model.journal.filter((e) => e.day === d).map((e) => e.id),
              );
            }
            expect(store.depth()).toBe(model.outbox.length);
            expect(store.dropped()).toBe(model.dropped);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
