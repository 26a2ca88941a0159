import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueConfig } from '../../../../edge-agent/src/queue/config.ts';
import { QueueEngine } from '../../../../edge-agent/src/queue/engine.ts';
import type { QueueEvent } from '../../../../edge-agent/src/queue/events.ts';

const config = QueueConfig.parse({
  fields: [
    { id: 'chung-thuc', name: 'Chứng thực', prefix: 'B' },
    { id: 'ho-tich', name: 'Hộ tịch', prefix: 'C' },
    { id: 'dat-dai', name: 'Đất đai', prefix: 'D' },
  ],
  counters: [
    { number: 2, fields: ['chung-thuc', 'ho-tich'] },
    { number: 3, fields: ['chung-thuc', 'ho-tich'] },
    { number: 4, fields: ['dat-dai'] },
  ],
});

/** An engine on a fake clock that starts at 08:00 local on a Monday. */
function setup(start = '2026-03-02T08:00:00+07:00', journal: QueueEvent[] = []) {
  let now = Date.parse(start);
  let id = 0;
  const engine = new QueueEngine(
    config,
    { now: () => new Date(now), newId: () => String(++id).padStart(26, '0') },
    journal,
  );
  const advance = (seconds: number) => {
    now += seconds * 1000;
  };
  const setClock = (iso: string) => {
    now = Date.parse(iso);
  };
  return { engine, advance, setClock };
}

const called = (events: QueueEvent[]) =>
  events.filter((e) => e.type === 'ticket_called').map((e) => ('number' in e ? e.number : ''));

describe('Class: QueueEngine', () => {
  describe('Method: issueTicket', () => {
    it('numbers each field on its own with its prefix, starting at 001', () => {
      const { engine } = setup();
      expect(engine.issueTicket('chung-thuc').event).toMatchObject({ number: 'B001', sequence: 1 });
      expect(engine.issueTicket('ho-tich').event).toMatchObject({ number: 'C001' });
      expect(engine.issueTicket('chung-thuc')).toMatchObject({ event: { number: 'B002' }, ahead: 1 });
    });

    it('restarts at 001 after local midnight (17:00 UTC)', () => {
      const { engine, setClock } = setup('2026-03-02T23:59:00+07:00');
      engine.issueTicket('chung-thuc');
      setClock('2026-03-03T00:00:01+07:00');
      expect(engine.issueTicket('chung-thuc').event).toMatchObject({ number: 'B001', day: '2026-03-03' });
    });

    it('never reissues a number when the clock steps back 2 minutes across midnight', () => {
      const { engine, setClock } = setup('2026-03-03T00:01:00+07:00');
      engine.issueTicket('chung-thuc');
      setClock('2026-03-02T23:59:00+07:00');
      expect(engine.issueTicket('chung-thuc').event).toMatchObject({ number: 'B002', day: '2026-03-03' });
      setClock('2026-03-03T00:03:00+07:00');
      expect(engine.issueTicket('chung-thuc').event).toMatchObject({ number: 'B003' });
    });

    it('refuses an unknown field', () => {
      expect(() => setup().engine.issueTicket('thue')).toThrow(/unknown field/);
    });
  });

  describe('Method: callNext', () => {
    it('needs a clerk at the counter', () => {
      const { engine } = setup();
      engine.issueTicket('chung-thuc');
      expect(() => engine.callNext(2)).toThrow(/no clerk/);
    });

    it('takes the oldest waiting ticket among the counter’s fields', () => {
      const { engine, advance } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      advance(10);
      engine.issueTicket('chung-thuc');
      engine.issueTicket('dat-dai');
      expect(called(engine.callNext(2))).toEqual(['C001']);
      expect(called(engine.callNext(2))).toEqual(['B001']);
      expect(() => engine.callNext(2)).toThrow(/nobody is waiting/);
    });

    it('finishes the ticket at the counter before calling the next', () => {
      const { engine } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      engine.issueTicket('ho-tich');
      engine.callNext(2);
      const events = engine.callNext(2);
      expect(events.map((e) => e.type)).toEqual(['ticket_served', 'ticket_called']);
      expect(engine.state.tickets.get('C001')?.status).toBe('served');
    });

    it('serves priority tickets first, but never more than two in a row while normal ones wait', () => {
      const { engine } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      for (let i = 0; i < 4; i++) engine.issueTicket('ho-tich', 'elderly');
      const order = Array.from({ length: 5 }, () => called(engine.callNext(2))[0]);
      expect(order).toEqual(['C002', 'C003', 'C001', 'C004', 'C005']);
    });

    it('names the counter that actually called on the hall display', () => {
      const { engine } = setup();
      engine.login(2, 'clerk.a');
      engine.login(3, 'clerk.b');
      engine.issueTicket('ho-tich');
      engine.issueTicket('ho-tich');
      engine.callNext(3);
      engine.callNext(2);
      expect(engine.state.recentCalls.map((c) => [c.number, c.counter])).toEqual([
        ['C002', 2],
        ['C001', 3],
      ]);
    });
  });

  describe('Methods: recall, noShow, rejoin', () => {
    it('counts the wait from the last call, and makes a no-show after two recalls', () => {
      const { engine, advance } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      advance(60);
      engine.callNext(2);
      advance(30);
      expect(engine.recall(2)[0]?.type).toBe('ticket_recalled');
      expect(engine.state.tickets.get('C001')?.lastCalledAt).toBe('2026-03-02T08:01:30+07:00');
      engine.recall(2);
      expect(engine.recall(2)[0]?.type).toBe('ticket_no_show');
      expect(engine.state.counters.get(2)?.serving).toBeUndefined();
    });

    it('lets a no-show rejoin within the window, keeping its place by arrival', () => {
      const { engine, advance } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      engine.issueTicket('ho-tich');
      engine.callNext(2);
      engine.noShow(2);
      advance(10 * 60);
      engine.rejoin('C001');
      expect(called(engine.callNext(2))).toEqual(['C001']);
    });

    it('closes the rejoin window after 30 minutes', () => {
      const { engine, advance } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      engine.callNext(2);
      engine.noShow(2);
      advance(31 * 60);
      expect(() => engine.rejoin('C001')).toThrow(/cannot rejoin/);
    });
  });

  describe('Method: transfer', () => {
    it('moves the ticket to another field keeping its original arrival', () => {
      const { engine } = setup();
      engine.login(2, 'clerk.a');
      engine.login(4, 'clerk.d');
      engine.issueTicket('ho-tich');
      engine.issueTicket('dat-dai');
      engine.callNext(2);
      engine.transfer(2, 'dat-dai');
      expect(engine.state.tickets.get('C001')).toMatchObject({ field: 'dat-dai', status: 'waiting' });
      expect(called(engine.callNext(4))).toEqual(['C001']);
      expect(() => engine.transfer(4, 'dat-dai')).toThrow(/already in/);
    });
  });

  describe('Method: rate', () => {
    it('takes exactly one rating per served ticket, tied to counter, clerk and ticket, while the prompt is open', () => {
      const { engine, advance } = setup();
      engine.login(2, 'clerk.a');
      engine.issueTicket('ho-tich');
      engine.issueTicket('ho-tich');
      expect(() => engine.rate(2, 4)).toThrow(/no service/);
      engine.callNext(2);
      engine.complete(2);
      expect(engine.rate(2, 4)[0]).toMatchObject({
        type: 'rating_recorded',
        number: 'C001',
        counter: 2,
        clerk: 'clerk.a',
        score: 4,
      });
      expect(() => engine.rate(2, 1)).toThrow(/rated already/);
      engine.callNext(2);
      engine.complete(2);
      advance(61);
      expect(() => engine.rate(2, 3)).toThrow(/no service/);
    });
  });

  describe('Replay', () => {
    it('rebuilds the same state from the journal, so a restart issues the next number', () => {
      const { engine } = setup();
      const journal: QueueEvent[] = [...engine.login(3, 'clerk.b')];
      for (let i = 0; i < 5; i++) journal.push(engine.issueTicket('ho-tich').event);
      journal.push(...engine.callNext(3));
      const restarted = setup('2026-03-02T08:00:00+07:00', journal).engine;
      expect(restarted.issueTicket('ho-tich').event.number).toBe('C006');
      expect(restarted.state.counters.get(3)).toMatchObject({ clerk: 'clerk.b', serving: 'C001' });
    });

    it('ignores yesterday’s journal after midnight', () => {
      const { engine } = setup('2026-03-02T16:00:00+07:00');
      const events = [engine.issueTicket('ho-tich').event];
      const tomorrow = setup('2026-03-03T07:30:00+07:00', events).engine;
      expect(tomorrow.issueTicket('ho-tich').event.number).toBe('C001');
    });
  });

  describe('Property: any sequence of commands', () => {
    it('never issues a number twice in a day and replays to the same state', () => {
      const command = fc.oneof(
        fc.record({
          kind: fc.constant('issue' as const),
          field: fc.constantFrom('chung-thuc', 'ho-tich', 'dat-dai'),
          priority: fc.boolean(),
        }),
        fc.record({
          kind: fc.constantFrom('next' as const, 'recall' as const, 'complete' as const, 'noShow' as const),
          counter: fc.constantFrom(2, 3, 4),
        }),
        fc.record({
          kind: fc.constant('transfer' as const),
          counter: fc.constantFrom(2, 3, 4),
          field: fc.constantFrom('chung-thuc', 'dat-dai'),
        }),
        fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: -120, max: 4 * 3600 }) }),
      );
      fc.assert(
        fc.property(fc.array(command, { maxLength: 120 }), (commands) => {
          const { engine, advance } = setup('2026-03-02T20:00:00+07:00');
          const log: QueueEvent[] = [];
          for (const c of [2, 3, 4]) log.push(...engine.login(c, `clerk.${c}`));
          for (const c of commands) {
            try {
              if (c.kind === 'tick') advance(c.seconds);
              else if (c.kind === 'issue')
                log.push(engine.issueTicket(c.field, c.priority ? 'pregnant' : null).event);
              else if (c.kind === 'transfer') log.push(...engine.transfer(c.counter, c.field));
              else log.push(...engine[c.kind === 'next' ? 'callNext' : c.kind](c.counter));
            } catch (error) {
              if ((error as Error).name !== 'QueueError') throw error;
            }
          }
          const issued = log
            .filter((e) => e.type === 'ticket_issued')
            .map((e) => `${e.day}/${'number' in e ? e.number : ''}`);
          expect(new Set(issued).size).toBe(issued.length);
          const days = log.map((e) => e.day);
          expect([...days].sort()).toEqual(days);
          const replayed = new QueueEngine(
            config,
            {
              now: () => new Date(Date.parse(log.at(-1)?.at ?? '2026-03-02T20:00:00+07:00')),
              newId: () => 'x'.repeat(26),
            },
            log,
          );
          const current = engine.state;
          if (replayed.state.day === current.day) {
            expect([...replayed.state.tickets.entries()]).toEqual([...current.tickets.entries()]);
          }
        }),
        { numRuns: 200 },
      );
    });
  });
});
