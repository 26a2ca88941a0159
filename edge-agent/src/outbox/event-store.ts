import type Database from 'better-sqlite3';
import * as z from 'zod';
import { openDatabase, quarantine, UnusableDatabaseError } from './database.ts';

const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a local day YYYY-MM-DD');

/** An event as the store keeps it; the body goes in as JSON and comes back parsed. */
export const StoredEvent = z.object({
  id: z.string().min(1).max(64),
  /** The local day whose journal holds the event (the queue restarts each day). */
  day: LocalDay,
  body: z.unknown(),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

const StoreOptions = z.object({
  file: z.string().min(1),
  /** Bound on unacknowledged events: some 40 days of a busy ward (~2,500 events a day). */
  maxPending: z.int().positive().default(100_000),
});

/** Something the caller must publish (status topic / alert event): the store never hides a loss. */
export type StoreAlert =
  | {
      readonly kind: 'store_corrupt';
      readonly file: string;
      /** Where the damaged database now is; it is never deleted. */
      readonly movedTo: string;
      readonly detail: string;
    }
  | {
      readonly kind: 'outbox_overflow';
      /** Events dropped from the outbox just now (they stay in the journal). */
      readonly dropped: number;
      readonly droppedTotal: number;
      readonly maxPending: number;
      /** The first and last dropped events, in append order. */
      readonly firstDroppedId: string;
      readonly lastDroppedId: string;
    };

type Row = { id: string; day: string; body: string };
type Overflow = Extract<StoreAlert, { kind: 'outbox_overflow' }>;

/**
 * The agent's durable store, one SQLite file: the journal of every event per local day (to
 * rebuild the queue after a restart) and the outbox of events the broker has not acknowledged
 * (ARCHITECTURE §4). An append writes both in one transaction and is on disk when it returns.
 * Synchronous on purpose: a press of the kiosk waits for it before the ticket prints.
 */
export class EventStore {
  readonly #db: Database.Database;
  readonly #maxPending: number;
  // Kept in memory because count(*) walks the whole outbox on every press; this process is the
  // only writer, and the numbers change only after a commit.
  #depth: number;
  #dropped: number;

  readonly #insertJournal;
  readonly #insertOutbox;
  readonly #selectJournal;
  readonly #selectPending;
  readonly #deleteAcknowledged;
  readonly #nthPending;
  readonly #deleteUpTo;
  readonly #addDropped;
  readonly #deleteDaysBefore;

  private constructor(db: Database.Database, maxPending: number) {
    this.#db = db;
    this.#maxPending = maxPending;
    this.#insertJournal = db.prepare<[string, string, string]>(
      'INSERT INTO journal (id, day, body) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.#insertOutbox = db.prepare<[string, string, string]>(
      'INSERT INTO outbox (id, day, body) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.#selectJournal = db.prepare<[string], Row>(
      'SELECT id, day, body FROM journal WHERE day = ? ORDER BY seq',
    );
    this.#selectPending = db.prepare<[number], Row>('SELECT id, day, body FROM outbox ORDER BY seq LIMIT ?');
    this.#deleteAcknowledged = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
    this.#nthPending = db.prepare<[number], { seq: number; id: string }>(
      'SELECT seq, id FROM outbox ORDER BY seq LIMIT 1 OFFSET ?',
    );
    this.#deleteUpTo = db.prepare<[number]>('DELETE FROM outbox WHERE seq <= ?');
    this.#addDropped = db.prepare<[number]>("UPDATE counters SET value = value + ? WHERE name = 'dropped'");
    this.#deleteDaysBefore = db.prepare<[string]>('DELETE FROM journal WHERE day < ?');
    this.#depth = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    this.#dropped = (
      db.prepare("SELECT value FROM counters WHERE name = 'dropped'").get() as { value: number }
    ).value;
  }

  /**
   * Opens the store, creating the file if needed. A damaged file is moved aside for a fresh
   * one and reported in `alerts` rather than thrown: the ward must keep issuing numbers.
   */
  static open(options: { file: string; maxPending?: number; now?: () => Date }): {
    store: EventStore;
    alerts: StoreAlert[];
  } {
    const { file, maxPending } = StoreOptions.parse(options);
    const alerts: StoreAlert[] = [];
    let db: Database.Database;
    try {
      db = openDatabase(file);
    } catch (error) {
      if (!(error instanceof UnusableDatabaseError)) throw error;
      const movedTo = quarantine(file, (options.now ?? (() => new Date()))());
      alerts.push({ kind: 'store_corrupt', file, movedTo, detail: error.message });
      db = openDatabase(file);
    }
    try {
      const store = new EventStore(db, maxPending);
      // A bound lowered since the last run applies at once, not at the next press.
      const overflow = db.transaction(() => store.#dropOldest(0)).immediate();
      store.#committed(0, overflow);
      if (overflow) alerts.push(overflow);
      return { store, alerts };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Writes events to the journal and the outbox in one transaction, durable on return. An id
   * already in the journal is skipped, even when acknowledged since. When the outbox grows
   * past `maxPending`, its oldest events are dropped (they stay in the journal) and reported.
   */
  append(events: readonly StoredEvent[]): { appended: number; alerts: StoreAlert[] } {
    // Validate and serialise everything first: a bad event must not cost a transaction.
    const rows = events.map((event) => {
      const { id, day, body } = StoredEvent.parse(event);
      const json = JSON.stringify(body);
      if (json === undefined) throw new TypeError(`event ${id} has no JSON body`);
      return [id, day, json] as const;
    });
    const { appended, queued, overflow } = this.#db
      .transaction(() => {
        let appended = 0;
        let queued = 0;
        for (const [id, day, json] of rows) {
          if (this.#insertJournal.run(id, day, json).changes === 0) continue;
          appended++;
          // Only misses when the journal day was pruned while the event still waited here.
          queued += this.#insertOutbox.run(id, day, json).changes;
        }
        return { appended, queued, overflow: this.#dropOldest(queued) };
      })
      .immediate();
    this.#committed(queued, overflow);
    return { appended, alerts: overflow ? [overflow] : [] };
  }

  /** The journal of one local day, in append order. */
  journalFor(day: string): StoredEvent[] {
    return this.#selectJournal.all(LocalDay.parse(day)).map(toEvent);
  }

  /** Up to `limit` unacknowledged events, oldest first, to publish (and replay on start). */
  pending(limit: number): StoredEvent[] {
    return this.#selectPending.all(z.int().positive().parse(limit)).map(toEvent);
  }

  /**
   * Deletes events from the outbox; call it only after the broker's PUBACK. Unknown ids (a
   * second PUBACK, an event dropped meanwhile) are ignored. Returns how many were deleted.
   */
  acknowledge(ids: readonly string[]): number {
    const deleted = this.#db
      .transaction(() => ids.reduce((n, id) => n + this.#deleteAcknowledged.run(id).changes, 0))
      .immediate();
    this.#depth -= deleted;
    return deleted;
  }

  /** Number of events waiting for a PUBACK. */
  depth(): number {
    return this.#depth;
  }

  /** Events ever dropped by the bound on this file (kept across restarts). */
  dropped(): number {
    return this.#dropped;
  }

  /** Deletes the journal of days before `beforeDay`; the outbox keeps its copies. */
  pruneJournal(beforeDay: string): number {
    return this.#deleteDaysBefore.run(LocalDay.parse(beforeDay)).changes;
  }

  close(): void {
    this.#db.close();
  }

  /**
   * Inside a transaction: drops the oldest outbox events beyond the bound, counting the
   * `added` events of this transaction that the in-memory depth does not know of yet.
   */
  #dropOldest(added: number): Overflow | undefined {
    const excess = this.#depth + added - this.#maxPending;
    if (excess <= 0) return undefined;
    const first = this.#nthPending.get(0);
    const last = this.#nthPending.get(excess - 1);
    if (!first || !last) throw new Error('outbox depth is out of step with the database');
    const dropped = this.#deleteUpTo.run(last.seq).changes;
    this.#addDropped.run(dropped);
    return {
      kind: 'outbox_overflow',
      dropped,
      droppedTotal: this.#dropped + dropped,
      maxPending: this.#maxPending,
      firstDroppedId: first.id,
      lastDroppedId: last.id,
    };
  }

  /** Brings the in-memory counts up to a committed transaction; a rolled-back one never gets here. */
  #committed(added: number, overflow: Overflow | undefined): void {
    this.#depth += added - (overflow?.dropped ?? 0);
    if (overflow) this.#dropped = overflow.droppedTotal;
  }
}

function toEvent(row: Row): StoredEvent {
  return { id: row.id, day: row.day, body: JSON.parse(row.body) as unknown };
}
