import fs from 'node:fs';
import Database from 'better-sqlite3';
import { configure, migrate, NewerSchemaError } from './schema.ts';

/**
 * The files SQLite keeps beside the database. They belong to it: a WAL left next to a fresh
 * database would be replayed into it, so they move with it.
 */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** The file's content, not the disk, is at fault: it may be moved aside for a fresh one. */
export class UnusableDatabaseError extends Error {
  override readonly name = 'UnusableDatabaseError';
}

/**
 * Opens (or creates) the store's database, checked and migrated. Throws UnusableDatabaseError
 * when the file is damaged or from a newer agent; any other error (permissions, disk full)
 * is thrown as is, because moving a good file aside would forget today's queue.
 */
export function openDatabase(file: string): Database.Database {
  if (fs.existsSync(file)) quickCheck(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    configure(db);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw asUnusable(error);
  }
}

/**
 * Runs `PRAGMA quick_check` on a read-only connection, so a damaged file and its WAL are moved
 * aside as they were found: a read-write connection would replay the WAL into the file and
 * delete it on close. (The -shm is only an index of the WAL; SQLite may rebuild it here.)
 */
function quickCheck(file: string): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new UnusableDatabaseError(`quick_check failed: ${problems.slice(0, 5).join('; ')}`);
    }
  } catch (error) {
    throw asUnusable(error);
  } finally {
    db?.close();
  }
}

/** SQLite's codes for a file whose content is bad; other codes are about the environment. */
function asUnusable(error: unknown): unknown {
  if (error instanceof UnusableDatabaseError) return error;
  if (error instanceof NewerSchemaError) return new UnusableDatabaseError(error.message, { cause: error });
  const code = error instanceof Database.SqliteError ? error.code : '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new UnusableDatabaseError(`${code}: ${(error as Error).message}`, { cause: error });
  }
  return error;
}

/**
 * Moves the database and its companions to `<file>.corrupt-<UTC timestamp>` (never over an
 * existing file) and returns that path. The companions move first: if the agent dies half
 * way, what is left at `file` is a database without a WAL, never a stale WAL that the fresh
 * database would replay.
 */
export function quarantine(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '');
  let target = `${file}.corrupt-${stamp}`;
  for (let n = 1; ['', ...COMPANIONS].some((c) => fs.existsSync(target + c)); n++) {
    target = `${file}.corrupt-${stamp}-${n}`;
  }
  for (const companion of COMPANIONS) {
    if (fs.existsSync(file + companion)) fs.renameSync(file + companion, target + companion);
  }
  if (fs.existsSync(file)) fs.renameSync(file, target);
  return target;
}
