import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clerkOf, servingOf } from '#domain/queue/counter';
import { FIELD_STAT_KEYS } from '#domain/queue/day-stats';
import { emptyQueueDay, foldDay, planTicketChange, type QueueDay } from '#domain/queue/fold';
import type { TicketEvent } from '#domain/queue/ticket';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';
import { agentDay, agentView, busyMorning } from './scenario.ts';

/** A day in a comparable form: figures by field, counters with their ticket, clerk and raw sets. */
function view(day: QueueDay) {
  return {
    stats: Object.fromEntries([...day.stats.entries()].sort(([a], [b]) => a.localeCompare(b))),
    counters: [...day.counters.values()]
      .sort((a, b) => a.counter - b.counter)
      .map((c) => ({
        counter: c.counter,
        serving: servingOf(c.serving),
        clerk: clerkOf(c.clerkLog),
        marks: [...c.serving.entries()].sort(),
        log: [...c.clerkLog].sort(),
      })),
  };
}

const morning = busyMorning();

describe('Function: foldDay', () => {
  it('folds an agent morning into the figures the agent itself shows', () => {
    const day = foldDay(morning.log);
    const agent = agentView(morning.engine);
    for (const [field, shown] of agent.fields) {
      expect(day.stats.get(field)).toMatchObject({
        waiting: shown.waiting,
        served: shown.served,
        noShow: shown.noShow,
      });
    }
    for (const counter of agent.counters) {
      const folded = day.counters.get(counter.counter);
      expect({
        serving: folded && servingOf(folded.serving),
        clerk: folded && clerkOf(folded.clerkLog),
      }).toEqual({
        serving: counter.serving,
        clerk: counter.clerk,
      });
    }
  });

  it('counts issues by field of issue, and the rest by the field a ticket is in now', () => {
    const stats = foldDay(morning.log).stats;
    expect(stats.get('chung-thuc')).toMatchObject({ issued: 3, waiting: 1, served: 1, noShow: 0 });
    expect(stats.get('ho-tich')).toMatchObject({ issued: 2, waiting: 1, served: 0, noShow: 0 });
    // C001 was issued in hộ tịch and served in đất đai after its transfer.
    expect(stats.get('dat-dai')).toMatchObject({ issued: 1, waiting: 0, served: 1, noShow: 0 });
  });

  it('sums wait (last call − issue) and service (end − last call) in seconds, with their counts', () => {
    const stats = foldDay(morning.log).stats;
    // B001 waited 08:00:00 → 08:05:00; B002, after recalls, a no-show and a rejoin, 08:00:30 → 08:17:35.
    expect(stats.get('chung-thuc')).toMatchObject({
      waitSeconds: 300 + 1025,
      waitCount: 2,
      serviceSeconds: 300,
      serviceCount: 1,
    });
    // C001 08:01:00 → 08:12:25 (after its transfer), D001 08:01:30 → 08:17:25; C001 served 5 min.
    expect(stats.get('dat-dai')).toMatchObject({
      waitSeconds: 685 + 955,
      waitCount: 2,
      serviceSeconds: 300,
      serviceCount: 1,
    });
    expect(stats.get('ho-tich')).toMatchObject({ waitSeconds: 0, waitCount: 0 });
  });

  it('counts ratings per level in the field the ticket was served in', () => {
    const stats = foldDay(morning.log).stats;
    expect(stats.get('chung-thuc')).toMatchObject({ rating1: 0, rating2: 0, rating3: 0, rating4: 1 });
    expect(stats.get('dat-dai')).toMatchObject({ rating2: 1, rating4: 0 });
  });

  it('changes nothing when the whole batch arrives twice', () => {
    expect(view(foldDay([...morning.log, ...morning.log]))).toEqual(view(foldDay(morning.log)));
  });

  it('counts an event id once even if a replay carries different content', () => {
    const [login, issue] = [morning.log[0] as QueueEvent, morning.log[3] as QueueEvent];
    const tampered = { ...issue, field: 'ho-tich' } as QueueEvent;
    expect(view(foldDay([login, issue, tampered]))).toEqual(view(foldDay([login, issue])));
  });

  it('gives the same day for every arrival order, with replays mixed in', () => {
    const reference = view(foldDay(morning.log));
    const n = morning.log.length;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(morning.log, { minLength: n, maxLength: n }),
        fc.array(fc.nat(n - 1), { maxLength: 20 }),
        (shuffled, replays) => {
          const arrivals = [...shuffled];
          for (const i of replays)
            arrivals.splice(i % (arrivals.length + 1), 0, morning.log[i] as QueueEvent);
          expect(view(foldDay(arrivals))).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never shows a negative figure at any point of any arrival order', () => {
    const n = morning.log.length;
    fc.assert(
      fc.property(fc.shuffledSubarray(morning.log, { minLength: n, maxLength: n }), (arrivals) => {
        const day = emptyQueueDay();
        const seen = new Set<string>();
        for (const event of arrivals) {
          foldDay([event], day, seen);
          for (const stats of day.stats.values())
            for (const key of FIELD_STAT_KEYS) expect(stats[key]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('Out of order: one ticket', () => {
  const { engine, log, record, advance } = agentDay();
  record(engine.login(2, 'cb01'));
  record(engine.issueTicket('chung-thuc').event);
  advance(600);
  record(engine.callNext(2));
  advance(180);
  record(engine.complete(2));
  const [login, issued, called, served] = log as [QueueEvent, QueueEvent, QueueEvent, QueueEvent];

  it('a served event before its call leaves nobody waiting, and the call later adds the service time', () => {
    const day = foldDay([login, issued, served]);
    expect(day.stats.get('chung-thuc')).toMatchObject({
      waiting: 0,
      served: 1,
      serviceCount: 0,
      waitCount: 0,
    });
    foldDay([called], day);
    expect(day.stats.get('chung-thuc')).toMatchObject({
      waiting: 0,
      served: 1,
      waitSeconds: 600,
      waitCount: 1,
      serviceSeconds: 180,
      serviceCount: 1,
    });
    expect(servingOf(day.counters.get(2)?.serving ?? new Map())).toBeUndefined();
  });

  it('a late call does not put a served ticket back at the counter', () => {
    const day = foldDay([served, called, issued]);
    expect(day.counters.get(2)?.serving.size ?? 0).toBe(0);
    expect(day.stats.get('chung-thuc')).toMatchObject({ issued: 1, waiting: 0, served: 1 });
  });

  it('a ticket whose issue arrives last is counted in no field until then', () => {
    const day = foldDay([called, served]);
    expect(day.stats.size).toBe(0);
    foldDay([issued], day);
    expect(day.stats.get('chung-thuc')).toMatchObject({ issued: 1, served: 1, serviceSeconds: 180 });
  });
});

describe('Function: planTicketChange', () => {
  it('reports no change for an event the record already holds', () => {
    const [issued, called] = busyMorning().log.filter((e) => 'number' in e && e.number === 'B001') as [
      TicketEvent,
      TicketEvent,
    ];
    const first = planTicketChange(undefined, issued);
    const second = planTicketChange(first.record, called);
    expect(second.changed).toBe(true);
    expect(planTicketChange(second.record, called)).toMatchObject({ changed: false, serving: {} });
    expect(planTicketChange(second.record, issued).changed).toBe(false);
  });

  it('moves the serving mark from the old counter when a ticket is transferred', () => {
    const [issued, called, transferred] = busyMorning().log.filter(
      (e) => 'number' in e && e.number === 'C001',
    ) as [TicketEvent, TicketEvent, TicketEvent];
    expect(transferred.type).toBe('ticket_transferred');
    const record = planTicketChange(planTicketChange(undefined, issued).record, called).record;
    const transfer = planTicketChange(record, transferred);
    expect(transfer.serving).toMatchObject({ from: { counter: 2, number: 'C001' }, to: undefined });
    expect(transfer.stats.get('ho-tich')).toMatchObject({ waitCount: -1 });
    // Waiting again, in its new field: its wait counts once it is called there.
    expect(transfer.stats.get('dat-dai')).toEqual({ waiting: 1 });
  });
});
