import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, type StoredEvent } from '../../../../edge-agent/src/outbox/event-store.ts';

const DAY = '2026-03-02';
const NOW = new Date('2026-03-02T01:00:00.000Z');
const STAMP = '20260302T010000.000Z';
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-outbox-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'agent.db');
}

function open(file: string) {
  const result = EventStore.open({ file, now: () => NOW });
  cleanups.push(() => result.store.close());
  return result;
}

const event = (id: string): StoredEvent => ({ id, day: DAY, body: { type: 'ticket_issued', number: id } });
const garbage = (size: number, seed: number) =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251));

// Buffer.equals: a deep equality of large buffers (and its diff) takes seconds.
const sameBytes = (path: string, content: Buffer) => readFileSync(path).equals(content);

/** A closed store holding `count` events, its WAL checkpointed into the file. */
function storeWith(file: string, count: number): void {
  const { store } = EventStore.open({ file });
  store.append(Array.from({ length: count }, (_, i) => event(`E${String(i).padStart(25, '0')}`)));
  store.close();
}

/** The fresh store works end to end. */
function expectWorking(store: EventStore): void {
  expect(store.depth()).toBe(0);
  expect(store.journalFor(DAY)).toEqual([]);
  store.append([event('A')]);
  expect(store.pending(10)).toEqual([event('A')]);
}

describe('Class: EventStore', () => {
  describe('Method: open on a damaged file', () => {
    it('moves a file of garbage bytes aside with its -wal and -shm, alerts, and starts fresh', () => {
      const file = tempFile();
      const bytes = { '': garbage(8192, 1), '-wal': garbage(5000, 2), '-shm': garbage(32768, 3) };
      for (const [suffix, content] of Object.entries(bytes)) writeFileSync(file + suffix, content);

      const { store, alerts } = open(file);

      const movedTo = `${file}.corrupt-${STAMP}`;
      expect(alerts).toEqual([
        { kind: 'store_corrupt', file, movedTo, detail: expect.stringContaining('SQLITE_NOTADB') },
      ]);
      expect(sameBytes(movedTo, bytes[''])).toBe(true);
      expect(sameBytes(`${movedTo}-wal`, bytes['-wal'])).toBe(true);
      // The -shm is only an index of the WAL, which SQLite rebuilds on the read-only check.
      expect(existsSync(`${movedTo}-shm`)).toBe(true);
      expectWorking(store);
    });

    it('moves aside a database whose pages fail quick_check', () => {
      const file = tempFile();
      storeWith(file, 2000);
      // Overwrite pages 3 to 5 in place: the header still says SQLite, the b-trees do not.
      const content = readFileSync(file);
      garbage(3 * 4096, 7).copy(content, 2 * 4096);
      writeFileSync(file, content);

      const { store, alerts } = open(file);

      expect(alerts).toMatchObject([{ kind: 'store_corrupt', movedTo: `${file}.corrupt-${STAMP}` }]);
      expect(sameBytes(`${file}.corrupt-${STAMP}`, content)).toBe(true);
      expectWorking(store);
    });

    it('never moves a damaged file over one moved aside earlier', () => {
      const file = tempFile();
      writeFileSync(file, garbage(4096, 1));
      EventStore.open({ file, now: () => NOW }).store.close();
      rmSync(file);
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });
      writeFileSync(file, garbage(4096, 2));

      const { alerts } = open(file);

      expect(alerts).toMatchObject([{ movedTo: `${file}.corrupt-${STAMP}-1` }]);
      expect(sameBytes(`${file}.corrupt-${STAMP}`, garbage(4096, 1))).toBe(true);
      expect(sameBytes(`${file}.corrupt-${STAMP}-1`, garbage(4096, 2))).toBe(true);
    });

    it('moves aside a database written by a newer agent', () => {
      const file = tempFile();
      storeWith(file, 3);
      const raw = new Database(file);
      raw.pragma('user_version = 99');
      raw.close();

      const { store, alerts } = open(file);

      expect(alerts).toMatchObject([{ kind: 'store_corrupt', detail: expect.stringContaining('newer') }]);
      expectWorking(store);
    });

    it('opens an empty file as a fresh store, without an alert', () => {
      const file = tempFile();
      writeFileSync(file, '');

      const { store, alerts } = open(file);

      expect(alerts).toEqual([]);
      expectWorking(store);
    });

    it('throws and moves nothing when the disk, not the file, is at fault', () => {
      const file = tempFile();
      mkdirSync(file);

      expect(() => EventStore.open({ file, now: () => NOW })).toThrow();

      expect(existsSync(file)).toBe(true);
      expect(readdirSync(join(file, '..'))).toEqual(['agent.db']);
    });
  });
});
