import { describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '#domain/dossier/status';
import { dueStateOf } from '../../../../web/src/features/dossier/deadline.ts';
import { badgeClassOf, countWard, OPEN_ORDER, rowClassOf } from '../../../../web/src/features/inbox/rows.ts';

const now = new Date('2026-03-05T10:00:00+07:00');
const row = (status: 'processing' | 'awaiting_supplement' | 'result_ready', dueAt: string) => ({
  status,
  dueAt,
});

describe('inbox rows coloured by deadline', () => {
  it('is red for an overdue dossier and amber for one due later today', () => {
    expect(rowClassOf(dueStateOf(row('processing', '2026-03-04T17:00:00+07:00'), now))).toBe('overdue');
    expect(rowClassOf(dueStateOf(row('processing', '2026-03-05T17:00:00+07:00'), now))).toBe('due-today');
    expect(badgeClassOf('overdue')).toBe('badge-bad');
    expect(badgeClassOf('due_today')).toBe('badge-warn');
  });

  it('is plain for one due another day, paused, or waiting to hand back its result', () => {
    expect(rowClassOf(dueStateOf(row('processing', '2026-03-06T17:00:00+07:00'), now))).toBeUndefined();
    expect(
      rowClassOf(dueStateOf(row('awaiting_supplement', '2026-03-04T17:00:00+07:00'), now)),
    ).toBeUndefined();
    expect(rowClassOf(dueStateOf(row('result_ready', '2026-03-04T17:00:00+07:00'), now))).toBeUndefined();
  });
});

describe('Function: countWard', () => {
  it('lists the open states the server lists in inboxes', () => {
    expect([...OPEN_ORDER].sort()).toEqual([...OPEN_STATUSES].sort());
  });

  it('counts per status, and the overdue and due-today ones', () => {
    const counts = countWard(
      [
        row('processing', '2026-03-04T17:00:00+07:00'),
        row('processing', '2026-03-05T17:00:00+07:00'),
        row('processing', '2026-03-09T17:00:00+07:00'),
        row('awaiting_supplement', '2026-03-04T17:00:00+07:00'),
      ],
      now,
    );
    expect(counts.byStatus.processing).toBe(3);
    expect(counts.byStatus.awaiting_supplement).toBe(1);
    expect(counts.byStatus.received).toBe(0);
    expect(counts).toMatchObject({ open: 4, overdue: 1, dueToday: 1 });
  });
});
