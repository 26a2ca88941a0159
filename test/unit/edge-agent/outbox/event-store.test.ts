import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, type StoredEvent } from '../../../../edge-agent/src/outbox/event-store.ts';

const DAY = '2026-03-02';
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A store in a fresh temp dir, closed and deleted after the test. */
function setup(maxPending?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-outbox-'));
  const file = join(dir, 'agent.db');
  const opened: EventStore[] = [];
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => {
    for (const s of opened) s.close();
  });
  const open = (bound = maxPending) => {
    const result = EventStore.open({ file, maxPending: bound });
    opened.push(result.store);
    return result;
  };
  /** Closes the current store and opens the file again, as after a restart. */
  const reopen = (store: EventStore, bound = maxPending) => {
    store.close();
    opened.splice(opened.indexOf(store), 1);
    return open(bound);
  };
  return { file, open, reopen, ...open() };
}

const event = (id: string, day = DAY): StoredEvent => ({
  id,
  day,
  body: { type: 'ticket_issued', number: id, at: `${day}T08:00:00+07:00` },
});
const ids = (events: readonly StoredEvent[]) => events.map((e) => e.id);

describe('Class: EventStore', () => {
  describe('Method: append', () => {
    it('queues events oldest first in append order, whatever their ids', () => {
      const { store } = setup();

      expect(store.append([event('C'), event('A')])).toEqual({ appended: 2, alerts: [] });
      store.append([event('B')]);

      expect(ids(store.pending(10))).toEqual(['C', 'A', 'B']);
      expect(ids(store.pending(2))).toEqual(['C', 'A']);
      expect(store.pending(1)).toEqual([event('C')]);
      expect(store.depth()).toBe(3);
    });

    it('ignores an id appended twice, in one batch or across calls, even after acknowledge', () => {
      const { store } = setup();

      expect(store.append([event('A'), event('A'), event('B')]).appended).toBe(2);
      expect(store.append([event('B'), event('C')]).appended).toBe(1);
      store.acknowledge(['A']);
      expect(store.append([event('A')]).appended).toBe(0);

      expect(ids(store.pending(10))).toEqual(['B', 'C']);
      expect(ids(store.journalFor(DAY))).toEqual(['A', 'B', 'C']);
      expect(store.depth()).toBe(2);
    });

    it('writes nothing to either table when the database fails half way through a batch', () => {
      const { store, file } = setup();
      store.append([event('before')]);
      // A second connection makes the outbox refuse one id, after the journal took it.
      const saboteur = new Database(file);
      saboteur.exec(`CREATE TRIGGER refuse BEFORE INSERT ON outbox WHEN NEW.id = 'boom'
                     BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);

      expect(() => store.append([event('A'), event('B'), event('boom'), event('C')])).toThrow('disk says no');

      expect(ids(store.journalFor(DAY))).toEqual(['before']);
      expect(ids(store.pending(10))).toEqual(['before']);
      expect(store.depth()).toBe(1);
      saboteur.exec('DROP TRIGGER refuse');
      saboteur.close();
      expect(store.append([event('A'), event('boom')]).appended).toBe(2);
      expect(store.depth()).toBe(3);
    });

    it('rejects a malformed event before writing any of the batch', () => {
      const { store } = setup();

      expect(() => store.append([event('A'), { id: 'B', day: '2/3/2026', body: {} }])).toThrow();
      expect(() => store.append([event('A'), { id: 'B', day: DAY, body: { n: 1n } }])).toThrow();
      expect(() => store.append([event('A'), { id: 'B', day: DAY, body: undefined }])).toThrow();

      expect(store.journalFor(DAY)).toEqual([]);
      expect(store.depth()).toBe(0);
    });
  });

  describe('Method: acknowledge', () => {
    it('deletes only the acknowledged events from the outbox and keeps them in the journal', () => {
      const { store } = setup();
      store.append(['A', 'B', 'C', 'D'].map((id) => event(id)));

      expect(store.acknowledge(['B', 'D'])).toBe(2);

      expect(ids(store.pending(10))).toEqual(['A', 'C']);
      expect(ids(store.journalFor(DAY))).toEqual(['A', 'B', 'C', 'D']);
      expect(store.depth()).toBe(2);
    });

    it('ignores unknown and repeated ids (a second PUBACK)', () => {
      const { store } = setup();
      store.append([event('A'), event('B')]);

      expect(store.acknowledge(['A', 'A', 'nope'])).toBe(1);
      expect(store.acknowledge(['A'])).toBe(0);

      expect(ids(store.pending(10))).toEqual(['B']);
      expect(store.depth()).toBe(1);
    });
  });

  describe('Method: journalFor', () => {
    it('keeps each local day apart, in append order, acknowledged or not', () => {
      const { store } = setup();
      store.append([event('A', '2026-03-02'), event('B', '2026-03-03'), event('C', '2026-03-02')]);
      store.acknowledge(['A']);

      expect(ids(store.journalFor('2026-03-02'))).toEqual(['A', 'C']);
      expect(ids(store.journalFor('2026-03-03'))).toEqual(['B']);
      expect(store.journalFor('2026-03-04')).toEqual([]);
    });
  });

  describe('Method: pruneJournal', () => {
    it('deletes the days before the given day and leaves their unacknowledged events queued', () => {
      const { store } = setup();
      store.append([event('A', '2026-02-28'), event('B', '2026-03-01'), event('C', '2026-03-02')]);
      store.acknowledge(['A']);

      expect(store.pruneJournal('2026-03-02')).toBe(2);

      expect(store.journalFor('2026-02-28')).toEqual([]);
      expect(store.journalFor('2026-03-01')).toEqual([]);
      expect(ids(store.journalFor('2026-03-02'))).toEqual(['C']);
      expect(ids(store.pending(10))).toEqual(['B', 'C']);
    });
  });

  describe('Bound: maxPending', () => {
    it('drops only the oldest pending events beyond the bound, counts them and alerts', () => {
      const { store } = setup(3);
      store.append([event('A'), event('B'), event('C')]);

      const { alerts } = store.append([event('D'), event('E')]);

      expect(alerts).toEqual([
        {
          kind: 'outbox_overflow',
          dropped: 2,
          droppedTotal: 2,
          maxPending: 3,
          firstDroppedId: 'A',
          lastDroppedId: 'B',
        },
      ]);
      expect(ids(store.pending(10))).toEqual(['C', 'D', 'E']);
      expect(ids(store.journalFor(DAY))).toEqual(['A', 'B', 'C', 'D', 'E']);
      expect(store.depth()).toBe(3);
      expect(store.dropped()).toBe(2);
    });

    it('counts acknowledged events out of the bound', () => {
      const { store } = setup(3);
      store.append([event('A'), event('B'), event('C')]);
      store.acknowledge(['B']);

      expect(store.append([event('D')]).alerts).toEqual([]);

      expect(ids(store.pending(10))).toEqual(['A', 'C', 'D']);
      expect(store.dropped()).toBe(0);
    });

    it('drops the oldest of a batch larger than the bound', () => {
      const { store } = setup(2);

      const { alerts } = store.append(['A', 'B', 'C', 'D', 'E'].map((id) => event(id)));

      expect(alerts).toMatchObject([{ dropped: 3, firstDroppedId: 'A', lastDroppedId: 'C' }]);
      expect(ids(store.pending(10))).toEqual(['D', 'E']);
    });

    it('keeps the dropped count across restarts and applies a lowered bound at open', () => {
      const { store, reopen } = setup(3);
      store.append(['A', 'B', 'C', 'D'].map((id) => event(id)));

      const { store: again, alerts } = reopen(store, 2);

      expect(alerts).toEqual([
        {
          kind: 'outbox_overflow',
          dropped: 1,
          droppedTotal: 2,
          maxPending: 2,
          firstDroppedId: 'B',
          lastDroppedId: 'B',
        },
      ]);
      expect(ids(again.pending(10))).toEqual(['C', 'D']);
      expect(again.dropped()).toBe(2);
    });
  });

  describe('Method: open', () => {
    it('keeps the pending events and the journal across a reopen', () => {
      const { store, reopen } = setup();
      store.append([event('A'), event('B', '2026-03-03'), event('C')]);
      store.acknowledge(['A']);

      const { store: again, alerts } = reopen(store);

      expect(alerts).toEqual([]);
      expect(again.pending(10)).toEqual([event('B', '2026-03-03'), event('C')]);
      expect(again.journalFor(DAY)).toEqual([event('A'), event('C')]);
      expect(again.depth()).toBe(2);
      expect(again.append([event('D')]).appended).toBe(1);
      expect(ids(again.pending(10))).toEqual(['B', 'C', 'D']);
    });

    it('refuses a bound that is not a positive integer', () => {
      const { file } = setup();

      expect(() => EventStore.open({ file, maxPending: 0 })).toThrow();
    });
  });
});
