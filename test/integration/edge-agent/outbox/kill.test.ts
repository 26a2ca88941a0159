import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStore } from '../../../../edge-agent/src/outbox/event-store.ts';

const writer = fileURLToPath(new URL('../../../support/edge-agent/outbox-writer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const ROUNDS = 6;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-outbox-kill-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What the child said it had done, each line printed only after the call returned. */
type Report = { appended: { day: string; id: string }[]; acked: string[]; ackIntents: string[][] };

/** Runs the writer until `ms` after its first append, then SIGKILLs it and collects its lines. */
async function runAndKill(file: string, ms: number): Promise<Report> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const report: Report = { appended: [], acked: [], ackIntents: [] };
  let rest = '';
  let started: () => void = () => undefined;
  const hasStarted = new Promise<void>((resolve) => {
    started = resolve;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? ''; // a line cut by the kill was never a promise
    for (const line of lines) {
      const [tag, ...words] = line.split(' ');
      if (tag === 'A') {
        const [day = '', ...ids] = words;
        report.appended.push(...ids.map((id) => ({ day, id })));
        started();
      } else if (tag === 'K?') report.ackIntents.push(words);
      else if (tag === 'K') report.acked.push(...words);
      else if (tag !== 'READY') throw new Error(`writer said: ${line}`);
    }
  });
  const exited = once(child, 'close');
  await Promise.race([hasStarted, exited.then(() => Promise.reject(new Error('writer exited early')))]);
  await sleep(ms);
  child.kill('SIGKILL');
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
  return report;
}

function integrityCheck(file: string): unknown {
  const db = new Database(file);
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('Class: EventStore', () => {
  it('keeps every append and acknowledgement it returned from when the process is killed with SIGKILL', async () => {
    const file = join(dir, 'agent.db');
    // Everything the child ever reported, across rounds; the store only grows in this test.
    const appended: { day: string; id: string }[] = [];
    const acked = new Set<string>();

    for (let round = 0; round < ROUNDS; round++) {
      // The first round dies at once (in its first transactions), the others later.
      const ms = round === 0 ? 0 : 100 + Math.floor(Math.random() * 700);
      const report = await runAndKill(file, ms);
      const what = `round ${round}, killed ${ms} ms after the first append`;
      expect(report.appended.length, what).toBeGreaterThan(0);
      appended.push(...report.appended);
      for (const id of report.acked) acked.add(id);

      expect(integrityCheck(file), what).toBe('ok');
      const { store, alerts } = EventStore.open({ file, maxPending: 10_000_000 });
      try {
        expect(alerts, what).toEqual([]);
        const pending = store.pending(Number.MAX_SAFE_INTEGER).map((e) => e.id);
        const pendingSet = new Set(pending);
        expect(pendingSet.size, `${what}: an id twice in the outbox`).toBe(pending.length);
        expect(store.depth(), what).toBe(pending.length);

        // An acknowledgement the kill interrupted is all or nothing; then it is settled.
        for (const batch of report.ackIntents) {
          const left = batch.filter((id) => pendingSet.has(id)).length;
          expect([0, batch.length], `${what}: a torn acknowledgement`).toContain(left);
          if (left === 0) for (const id of batch) acked.add(id);
        }

        for (const day of ['2026-03-02', '2026-03-03']) {
          const journal = store.journalFor(day).map((e) => e.id);
          expect(new Set(journal).size, `${what}: an id twice in the journal`).toBe(journal.length);
          // Every reported id is there, in the order it was appended (unreported ones may be too).
          const reported = appended.filter((e) => e.day === day).map((e) => e.id);
          const reportedSet = new Set(reported);
          expect(
            journal.filter((id) => reportedSet.has(id)),
            what,
          ).toEqual(reported);
        }

        // Every reported append not acknowledged is pending, in order; nothing acknowledged is.
        const expected = appended.map((e) => e.id).filter((id) => !acked.has(id));
        const expectedSet = new Set(expected);
        expect(
          pending.filter((id) => expectedSet.has(id)),
          what,
        ).toEqual(expected);
        expect(
          pending.filter((id) => acked.has(id)),
          what,
        ).toEqual([]);
      } finally {
        store.close();
      }
    }
    expect(acked.size).toBeGreaterThan(0);
  }, 120_000);
});
