import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDay } from '#domain/queue/fold';
import { foldTicket, isTicketEvent, type TicketEvent, type TicketRecord } from '#domain/queue/ticket';
import {
  citedEvents,
  type EventFacts,
  type FactsOf,
  hourFigureOf,
  NO_CLERK,
  NO_COUNTER,
  type QueueDelta,
  queueKeyId,
  ticketChange,
  ticketFigures,
  WAIT_BUCKETS,
  waitBucketOf,
} from '#domain/stats/queue-fold';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';
import { busyMorning } from '../queue/scenario.ts';

/** What the stored event items tell the fold: counter, clerk and source field by event id. */
function factsFrom(events: readonly QueueEvent[]): FactsOf {
  const byId = new Map<string, EventFacts>();
  for (const e of events) {
    byId.set(e.id, {
      ...('counter' in e ? { counter: e.counter } : {}),
      ...('clerk' in e ? { clerk: e.clerk } : {}),
      ...('fromField' in e ? { fromField: e.fromField } : {}),
    });
  }
  return (id) => byId.get(id);
}

/** Sums deltas into one set of figures per key. */
function sum(into: Map<string, Record<string, number>>, delta: QueueDelta): void {
  for (const [id, { figures }] of delta) {
    const acc = into.get(id) ?? {};
    for (const [f, n] of Object.entries(figures)) acc[f] = (acc[f] ?? 0) + (n ?? 0);
    into.set(id, acc);
  }
}

/** Folds events one by one as the stream consumer sees them: the change of each ticket record. */
function foldStats(events: readonly QueueEvent[]): Map<string, Record<string, number>> {
  const facts = factsFrom(events);
  const tickets = new Map<string, TicketRecord>();
  const totals = new Map<string, Record<string, number>>();
  for (const event of events.filter(isTicketEvent) as TicketEvent[]) {
    const before = tickets.get(event.number);
    const after = foldTicket(before ?? { number: event.number }, event);
    tickets.set(event.number, after);
    sum(totals, ticketChange(before, after, facts));
  }
  // Zero figures are what the statistics hold after opposite changes: drop them to compare.
  for (const [id, figures] of totals) {
    for (const [f, n] of Object.entries(figures)) if (n === 0) delete figures[f];
    if (Object.keys(figures).length === 0) totals.delete(id);
  }
  return totals;
}

const morning = busyMorning().log;
const at = (minutes: number) =>
  new Date(Date.parse('2026-03-02T08:00:00+07:00') + minutes * 60_000).toISOString();

describe('Function: waitBucketOf', () => {
  it.each([
    [0, 'waitLe1'],
    [60_000, 'waitLe1'],
    [60_001, 'waitLe2'],
    [4 * 60_000, 'waitLe5'],
    [10 * 60_000, 'waitLe10'],
    [44 * 60_000, 'waitLe45'],
    [120 * 60_000, 'waitLe120'],
    [121 * 60_000, 'waitOver120'],
  ])('puts a wait of %i ms in %s', (ms, bucket) => {
    expect(waitBucketOf(ms)).toBe(bucket);
  });

  it('has one bucket more than edges, the last one open', () => {
    expect(WAIT_BUCKETS.at(-1)).toBe('waitOver120');
    expect(WAIT_BUCKETS).toHaveLength(12);
  });
});

describe('Function: hourFigureOf', () => {
  it('takes the local hour in Asia/Ho_Chi_Minh, whatever offset the time is written in', () => {
    expect(hourFigureOf('2026-03-02T07:59:59+07:00')).toBe('hour07');
    expect(hourFigureOf('2026-03-02T01:30:00Z')).toBe('hour08');
    expect(hourFigureOf('2026-03-02T17:00:00Z')).toBe('hour00');
  });
});

describe('Function: ticketFigures', () => {
  const issued = {
    id: '01',
    at: '2026-03-02T08:00:00+07:00',
    field: 'ho-tich',
    priority: null,
  } as const;
  const facts: FactsOf = (id) =>
    ({
      '02': { counter: 2, clerk: 'cb01' },
      '03': { counter: 2, clerk: 'cb01' },
      '04': { counter: 3, clerk: 'cb02', fromField: 'ho-tich' },
      '05': { counter: 2, clerk: 'cb01' },
    })[id];

  it('counts an issue at the kiosk: no counter, no clerk, in the hour of issue', () => {
    const delta = ticketFigures({ number: 'C001', issued }, facts);
    const kiosk = queueKeyId({ fieldId: 'ho-tich', counter: NO_COUNTER, clerk: NO_CLERK });
    expect([...delta.keys()]).toEqual([kiosk]);
    expect(delta.get(kiosk)?.figures).toEqual({ issued: 1, hour08: 1 });
  });

  it('counts the wait from issue to call at the calling counter and clerk, with its bucket', () => {
    const record: TicketRecord = {
      number: 'C001',
      issued,
      status: { id: '02', status: 'called', counter: 2 },
      call: { id: '02', at: '2026-03-02T08:07:30+07:00', counter: 2 },
    };
    const delta = ticketFigures(record, facts);
    expect(delta.get('ho-tich#2#cb01')?.figures).toEqual({ waitMsSum: 450_000, waitCount: 1, waitLe10: 1 });
  });

  it('counts service from call to served, the serve and the rating at the serving clerk', () => {
    const record: TicketRecord = {
      number: 'C001',
      issued,
      status: { id: '03', status: 'served', counter: 2 },
      call: { id: '02', at: '2026-03-02T08:01:00+07:00', counter: 2 },
      served: { id: '03', at: '2026-03-02T08:13:00+07:00' },
      rating: { id: '05', score: 3 },
    };
    expect(ticketFigures(record, facts).get('ho-tich#2#cb01')?.figures).toEqual({
      served: 1,
      waitMsSum: 60_000,
      waitCount: 1,
      waitLe1: 1,
      serviceMsSum: 720_000,
      serviceCount: 1,
      rating3: 1,
    });
  });

  it('counts a no-show at its counter and clerk, and a transfer out of the field it left', () => {
    const noShow: TicketRecord = {
      number: 'C001',
      issued,
      status: { id: '03', status: 'no_show', counter: 2 },
      call: { id: '02', at: '2026-03-02T08:01:00+07:00', counter: 2 },
    };
    expect(ticketFigures(noShow, facts).get('ho-tich#2#cb01')?.figures).toMatchObject({ noShow: 1 });
    const transferred: TicketRecord = {
      number: 'C001',
      issued,
      status: { id: '04', status: 'waiting' },
      call: { id: '02', at: '2026-03-02T08:01:00+07:00', counter: 2 },
      transfer: { id: '04', toField: 'dat-dai' },
    };
    const delta = ticketFigures(transferred, facts);
    expect(delta.get('ho-tich#3#cb02')?.figures).toEqual({ transferredOut: 1 });
    // Back in a queue: its wait is counted again only when it is called again.
    expect([...delta.values()].some((e) => e.figures.waitCount)).toBe(false);
  });

  it('adds nothing but the issue until the ticket has a field', () => {
    const record: TicketRecord = { number: 'C001', status: { id: '03', status: 'served', counter: 2 } };
    expect(ticketFigures(record, facts).size).toBe(0);
  });

  it('falls back to the record’s counter and no clerk when an event is not known', () => {
    const record: TicketRecord = {
      number: 'C001',
      issued,
      status: { id: '09', status: 'no_show', counter: 4 },
    };
    expect(ticketFigures(record, facts).get('ho-tich#4#-')?.figures).toEqual({ noShow: 1 });
  });
});

describe('Function: citedEvents', () => {
  it('names the status, call, transfer and rating events once each', () => {
    const record: TicketRecord = {
      number: 'C001',
      status: { id: 'a', status: 'served', counter: 2 },
      call: { id: 'b', at: at(1), counter: 2 },
      served: { id: 'a', at: at(2) },
      transfer: { id: 'c', toField: 'x' },
      rating: { id: 'd', score: 4 },
    };
    expect(citedEvents(record).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(citedEvents(undefined)).toEqual([]);
  });
});

describe('Function: ticketChange', () => {
  it('folds a busy morning into the same totals per field as the live day figures', () => {
    const stats = foldStats(morning);
    const day = foldDay(morning);
    const byField = new Map<string, Record<string, number>>();
    for (const [id, figures] of stats) {
      const field = id.split('#')[0] as string;
      const acc = byField.get(field) ?? {};
      for (const [f, n] of Object.entries(figures)) acc[f] = (acc[f] ?? 0) + n;
      byField.set(field, acc);
    }
    for (const [field, live] of day.stats) {
      const mine = byField.get(field) ?? {};
      expect(mine.issued ?? 0, field).toBe(live.issued);
      expect(mine.served ?? 0, field).toBe(live.served);
      expect(mine.noShow ?? 0, field).toBe(live.noShow);
      expect(mine.waitCount ?? 0, field).toBe(live.waitCount);
      expect(Math.round((mine.waitMsSum ?? 0) / 1000), field).toBe(live.waitSeconds);
      expect(Math.round((mine.serviceMsSum ?? 0) / 1000), field).toBe(live.serviceSeconds);
      expect((mine.rating2 ?? 0) + (mine.rating4 ?? 0), field).toBe(live.rating2 + live.rating4);
    }
  });

  it('keys a busy morning by counter and clerk: who served, who called, who transferred', () => {
    const stats = foldStats(morning);
    // B001 served at counter 2 by cb01 and rated 4 there.
    expect(stats.get('chung-thuc#2#cb01')).toMatchObject({ served: 1, rating4: 1, serviceCount: 1 });
    // C001 left hộ tịch at counter 2 (cb01) for đất đai, then was served at counter 4 by cb03.
    expect(stats.get('ho-tich#2#cb01')).toEqual({ transferredOut: 1 });
    expect(stats.get('dat-dai#4#cb03')).toMatchObject({ served: 1, rating2: 1 });
    // Six tickets issued, all at the kiosk.
    const issued = [...stats]
      .filter(([id]) => id.endsWith('#0#-'))
      .reduce((n, [, f]) => n + (f.issued ?? 0), 0);
    expect(issued).toBe(6);
    expect(stats.get('chung-thuc#0#-')).toEqual({ issued: 3, hour08: 3 });
  });

  it('gives the same statistics whatever order the events arrive in, replays included', () => {
    const expected = foldStats(morning);
    fc.assert(
      fc.property(fc.shuffledSubarray(morning, { minLength: morning.length }), (shuffled) => {
        // A ticket's record only keeps what is new, so a replayed event changes nothing.
        const withReplays = [...shuffled, ...shuffled.slice(0, 5)];
        expect(foldStats(withReplays)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('changes nothing when the record did not change', () => {
    const record: TicketRecord = {
      number: 'B001',
      issued: { id: '01', at: at(0), field: 'chung-thuc', priority: null },
    };
    expect(ticketChange(record, record, () => undefined).size).toBe(0);
  });
});
