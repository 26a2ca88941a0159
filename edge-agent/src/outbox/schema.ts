import type Database from 'better-sqlite3';

/** The schema version this agent writes, kept in `PRAGMA user_version`. */
export const SCHEMA_VERSION = 1;

/**
 * Migration `i` takes the file from version `i` to `i + 1`. The journal and the outbox each
 * keep their own copy of an event, so pruning old days of the journal never loses an event
 * the broker has not acknowledged yet (an outage may span midnight).
 *
 * `seq INTEGER PRIMARY KEY` is the rowid: SQLite gives a new row max(rowid) + 1, so among the
 * rows present `seq` is append order, whatever the ids (clock steps back, ids from elsewhere).
 * AUTOINCREMENT would only add a write per append to keep deleted values from coming back,
 * and nothing holds on to a deleted seq.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE journal (
     seq  INTEGER PRIMARY KEY,
     id   TEXT NOT NULL UNIQUE,
     day  TEXT NOT NULL,
     body TEXT NOT NULL
   );
   -- Index entries are (day, rowid), so a day's events come back in append order unsorted.
   CREATE INDEX journal_by_day ON journal (day);
   CREATE TABLE outbox (
     seq  INTEGER PRIMARY KEY,
     id   TEXT NOT NULL UNIQUE,
     day  TEXT NOT NULL,
     body TEXT NOT NULL
   );
   CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
   INSERT INTO counters (name, value) VALUES ('dropped', 0);`,
];

/**
 * Sets the connection up for durability. WAL lets a commit be one append to the -wal file,
 * and a torn write there is discarded by its checksums on the next open, never half-applied.
 *
 * synchronous = FULL fsyncs the WAL at every commit. A process crash (kill -9, OOM, a thrown
 * error) needs less: with NORMAL a commit is already in the kernel's page cache when `append`
 * returns, and the kernel writes it out after the process dies. FULL is for power loss and
 * kernel panics, where NORMAL keeps the file consistent but forgets the commits since the
 * last checkpoint. The append is made before the kiosk prints, and the queue numbers are
 * rebuilt from the journal: a forgotten `ticket_issued` after a power cut means the next
 * citizen gets a number already in someone's hand. One fsync (about 3 ms median on this
 * machine) fits in the 50 ms budget of a kiosk press; if a mini-PC's disk cannot keep it
 * there, NORMAL is the fallback and we accept that risk on power loss.
 */
export function configure(db: Database.Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // WAL needs shared memory beside the file; some filesystems (network shares) refuse it.
  if (mode !== 'wal') throw new Error(`the event store needs WAL mode, the filesystem gave '${mode}'`);
  db.pragma('synchronous = FULL');
  // A large drain leaves a large WAL behind; keep at most 8 MB of it on disk afterwards.
  db.pragma('journal_size_limit = 8388608');
}

/** Brings the file to SCHEMA_VERSION; throws if it was written by a newer agent. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new NewerSchemaError(`schema version ${version} is newer than this agent's ${SCHEMA_VERSION}`);
    }
    if (version === SCHEMA_VERSION) return;
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/** The file is a database of ours, but from a newer agent this one cannot read. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
}
