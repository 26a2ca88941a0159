import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '#domain/auth/principal';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import type { DossierAction } from '#domain/dossier/actions';
import type { Dossier } from '#domain/dossier/dossier';
import { allowedActions, applyAction } from '#domain/dossier/lifecycle';
import type { DossierStatus } from '#domain/dossier/status';
import type { DossierCounts } from '#domain/stats/dossier-counters';
import { type DossierDelta, dossierContribution, dossierDelta } from '#domain/stats/dossier-fold';
import { DISTRICT, dossierIn, staff, WARD } from '../../../support/dossiers.ts';

const calendar = new WorkingCalendar(new Map());
const cell = { wardId: WARD, districtId: DISTRICT, fieldId: 'chung-thuc', procedureId: '2.000884' };
const delta = (day: string, counts: DossierCounts): DossierDelta => ({ ...cell, day, counts });

/** The dossier after `action`, taken by a principal holding `role`, at local time `at`. */
function act(dossier: Dossier, action: DossierAction, role: Role, at: string): Dossier {
  return applyAction(
    dossier,
    { action, reason: 'Lý do', assignee: `specialist.${WARD}` },
    { principal: staff(role), now: new Date(at), calendar },
  ).dossier;
}

// dossierIn: received Mon 2/3/2026 08:00 in person, due Thu 5/3/2026 17:00.
const received = dossierIn('received', { version: 1 });
const approved = dossierIn('approved');

describe('Function: dossierContribution', () => {
  it('counts a pending dossier on its receipt day and its due day', () => {
    expect(dossierContribution(received)).toEqual([
      { day: '2026-03-02', counts: { receivedInPerson: 1 } },
      { day: '2026-03-05', counts: { due: 1 } },
    ]);
  });

  it('counts online receipts apart, and post as in person', () => {
    expect(dossierContribution({ ...received, channel: 'online' })[0]?.counts).toEqual({ receivedOnline: 1 });
    expect(dossierContribution({ ...received, channel: 'post' })[0]?.counts).toEqual({ receivedInPerson: 1 });
  });

  it('uses local days in Asia/Ho_Chi_Minh, not UTC days', () => {
    // 18:30 UTC on 2/3 is 01:30 on 3/3 in Đà Nẵng.
    const late = { ...received, receivedAt: '2026-03-02T18:30:00Z', dueAt: '2026-03-05T10:00:00Z' };
    expect(dossierContribution(late).map((c) => c.day)).toEqual(['2026-03-03', '2026-03-05']);
  });

  it('merges counters falling on the same day into one entry', () => {
    const sameDay = { ...received, dueAt: '2026-03-02T17:00:00+07:00' };
    expect(dossierContribution(sameDay)).toEqual([
      { day: '2026-03-02', counts: { receivedInPerson: 1, due: 1 } },
    ]);
  });
});

describe('Function: dossierDelta', () => {
  it('adds the receipt and the due day when a dossier is received', () => {
    expect(dossierDelta(undefined, received)).toEqual([
      delta('2026-03-02', { receivedInPerson: 1 }),
      delta('2026-03-05', { due: 1 }),
    ]);
  });

  it('counts a refusal at reception as received, refused and closed in time on the same day', () => {
    const refused = dossierIn('refused', {
      version: 1,
      finishedAt: '2026-03-02T08:00:00+07:00',
      closedAt: '2026-03-02T08:00:00+07:00',
      outcome: 'early',
    });
    expect(dossierDelta(undefined, refused)).toEqual([
      delta('2026-03-02', { receivedInPerson: 1, refused: 1, closed: 1 }),
      delta('2026-03-05', { due: 1, dueClosedInTime: 1 }),
    ]);
  });

  it('changes nothing for steps that move no counter (routing, approval, a pause)', () => {
    const routed = act(received, 'route', 'clerk', '2026-03-02T09:00:00+07:00');
    expect(dossierDelta(received, routed)).toEqual([]);
    const paused = act(routed, 'request_supplement', 'specialist', '2026-03-03T09:00:00+07:00');
    expect(dossierDelta(routed, paused)).toEqual([]);
  });

  it('moves the due day when a supplement pause ends', () => {
    const paused = act(
      dossierIn('processing'),
      'request_supplement',
      'specialist',
      '2026-03-04T10:00:00+07:00',
    );
    // Thu, Fri and Mon are paused: due Thu 5/3 → Tue 10/3.
    const resumed = act(paused, 'supplement_received', 'clerk', '2026-03-09T08:00:00+07:00');
    expect(dossierDelta(paused, resumed)).toEqual([
      delta('2026-03-05', { due: -1 }),
      delta('2026-03-10', { due: 1 }),
    ]);
  });

  it('counts a result ready before the due day as resolved early, closed in time on the due day', () => {
    const ready = act(approved, 'mark_result_ready', 'specialist', '2026-03-04T16:00:00+07:00');
    expect(dossierDelta(approved, ready)).toEqual([
      delta('2026-03-04', { resolvedEarly: 1, closed: 1 }),
      delta('2026-03-05', { dueClosedInTime: 1 }),
    ]);
  });

  it('counts a result ready on the due day by the due time as on time', () => {
    const ready = act(approved, 'mark_result_ready', 'specialist', '2026-03-05T17:00:00+07:00');
    expect(dossierDelta(approved, ready)).toEqual([
      delta('2026-03-05', { resolvedOnTime: 1, closed: 1, dueClosedInTime: 1 }),
    ]);
  });

  it('counts a result ready after the due time as late, closed after due on its own day', () => {
    const ready = act(approved, 'mark_result_ready', 'specialist', '2026-03-06T09:00:00+07:00');
    expect(dossierDelta(approved, ready)).toEqual([
      delta('2026-03-06', { resolvedLate: 1, closed: 1, closedAfterDue: 1 }),
    ]);
  });

  it('changes nothing when a finished result is handed back later', () => {
    const ready = act(approved, 'mark_result_ready', 'specialist', '2026-03-04T16:00:00+07:00');
    const returned = act(ready, 'return_result', 'clerk', '2026-03-20T09:00:00+07:00');
    expect(dossierDelta(ready, returned)).toEqual([]);
  });

  it('counts a rejection and a stop as resolved by their outcome', () => {
    const rejected = act(dossierIn('awaiting_approval'), 'reject', 'leader', '2026-03-03T10:00:00+07:00');
    expect(dossierDelta(dossierIn('awaiting_approval'), rejected)).toEqual([
      delta('2026-03-03', { resolvedEarly: 1, closed: 1 }),
      delta('2026-03-05', { dueClosedInTime: 1 }),
    ]);
    const stopped = act(dossierIn('processing'), 'stop', 'leader', '2026-03-09T10:00:00+07:00');
    expect(dossierDelta(dossierIn('processing'), stopped)).toEqual([
      delta('2026-03-09', { resolvedLate: 1, closed: 1, closedAfterDue: 1 }),
    ]);
  });

  it('counts a withdrawal on its close day, which later record actions do not move', () => {
    const paused = dossierIn('awaiting_supplement');
    const withdrawn = act(paused, 'withdraw', 'clerk', '2026-03-04T10:00:00+07:00');
    expect(dossierDelta(paused, withdrawn)).toEqual([
      delta('2026-03-04', { withdrawn: 1, closed: 1 }),
      delta('2026-03-05', { dueClosedInTime: 1 }),
    ]);
    const scanned = { ...withdrawn, version: withdrawn.version + 1, updatedAt: '2026-03-12T10:00:00+07:00' };
    expect(dossierDelta(withdrawn, scanned)).toEqual([]);
  });

  it('counts a withdrawal after the due time as closed after due', () => {
    const withdrawn = act(dossierIn('processing'), 'withdraw', 'clerk', '2026-03-06T10:00:00+07:00');
    expect(dossierDelta(dossierIn('processing'), withdrawn)).toEqual([
      delta('2026-03-06', { withdrawn: 1, closed: 1, closedAfterDue: 1 }),
    ]);
  });

  it('takes back everything a removed dossier had added', () => {
    const ready = act(approved, 'mark_result_ready', 'specialist', '2026-03-06T09:00:00+07:00');
    expect(dossierDelta(ready, undefined)).toEqual([
      delta('2026-03-02', { receivedInPerson: -1 }),
      delta('2026-03-05', { due: -1 }),
      delta('2026-03-06', { resolvedLate: -1, closed: -1, closedAfterDue: -1 }),
    ]);
    expect(dossierDelta(undefined, undefined)).toEqual([]);
  });

  it('tags each side with its own ward, field and procedure', () => {
    const moved = { ...received, procedureId: '1.001193', fieldId: 'ho-tich' };
    const other = { ...cell, procedureId: '1.001193', fieldId: 'ho-tich' };
    const deltas = dossierDelta(received, moved);
    expect(deltas).toHaveLength(4);
    expect(deltas).toEqual(
      expect.arrayContaining([
        { ...other, day: '2026-03-02', counts: { receivedInPerson: 1 } },
        delta('2026-03-02', { receivedInPerson: -1 }),
        { ...other, day: '2026-03-05', counts: { due: 1 } },
        delta('2026-03-05', { due: -1 }),
      ]),
    );
  });
});

describe('Property: folding every change of a dossier', () => {
  const everyone = {
    userId: `specialist.${WARD}`,
    roles: ['clerk', 'specialist', 'leader'] as Role[],
    wardId: WARD,
    districtId: DISTRICT,
  };

  /** Sums deltas per day and counter, dropping zeros. */
  function total(deltas: DossierDelta[]): Record<string, DossierCounts> {
    const sum: Record<string, Record<string, number>> = {};
    for (const d of deltas) {
      const day = sum[d.day] ?? {};
      sum[d.day] = day;
      for (const [k, n] of Object.entries(d.counts)) day[k] = (day[k] ?? 0) + (n ?? 0);
    }
    for (const [day, counts] of Object.entries(sum)) {
      for (const [k, n] of Object.entries(counts)) if (n === 0) delete counts[k];
      if (Object.keys(counts).length === 0) delete sum[day];
    }
    return sum;
  }

  it('adds up to the contribution of the dossier as it ends, with pending = received − closed', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 25 }), fc.nat({ max: 30 }), (picks, hours) => {
        let dossier = received;
        const deltas = dossierDelta(undefined, dossier);
        let clock = new Date(dossier.receivedAt).getTime();
        for (const pick of picks) {
          const options = allowedActions(dossier, everyone);
          if (options.length === 0) break;
          clock += (hours + 1) * 3_600_000;
          const action = options[pick % options.length] as DossierAction;
          const next = applyAction(
            dossier,
            { action, reason: 'Lý do', assignee: `specialist.${WARD}` },
            { principal: everyone, now: new Date(clock), calendar },
          ).dossier;
          deltas.push(...dossierDelta(dossier, next));
          dossier = next;
        }
        const expected = Object.fromEntries(dossierContribution(dossier).map((c) => [c.day, c.counts]));
        expect(total(deltas)).toEqual(expected);
        const all = Object.values(expected).reduce<Record<string, number>>((acc, counts) => {
          for (const [k, n] of Object.entries(counts)) acc[k] = (acc[k] ?? 0) + (n ?? 0);
          return acc;
        }, {});
        const closedStates: DossierStatus[] = [
          'refused',
          'rejected',
          'result_ready',
          'returned',
          'stopped',
          'withdrawn',
        ];
        expect(all.closed ?? 0).toBe(closedStates.includes(dossier.status) ? 1 : 0);
        expect((all.dueClosedInTime ?? 0) + (all.closedAfterDue ?? 0)).toBe(all.closed ?? 0);
      }),
    );
  });
});
