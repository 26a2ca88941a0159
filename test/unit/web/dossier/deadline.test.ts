import { describe, expect, it } from 'vitest';
import { statutorySchedule } from '#domain/calendar/schedule';
import { CLOSED_STATUSES, DossierStatus, FINISHED_STATUSES, PAUSED_STATUSES } from '#domain/dossier/status';
import {
  dueStateOf,
  dueSummaryOf,
  CLOSED_STATUSES as WEB_CLOSED,
  FINISHED_STATUSES as WEB_FINISHED,
  PAUSED_STATUSES as WEB_PAUSED,
} from '../../../../web/src/features/dossier/deadline.ts';
import { workingDaysOf } from '../../../../web/src/features/dossier/working-days.ts';

const due = '2026-03-05T17:00:00+07:00';
const at = (iso: string) => new Date(iso);

describe('a dossier against its deadline', () => {
  it('groups the states as the server does', () => {
    expect([...WEB_PAUSED]).toEqual([...PAUSED_STATUSES]);
    expect([...WEB_FINISHED]).toEqual([...FINISHED_STATUSES]);
    expect([...WEB_CLOSED]).toEqual([...CLOSED_STATUSES]);
  });

  it('is overdue once the due time has passed, even on the due day', () => {
    expect(dueStateOf({ status: 'processing', dueAt: due }, at('2026-03-05T17:00:01+07:00'))).toBe('overdue');
    expect(dueStateOf({ status: 'approved', dueAt: due }, at('2026-03-09T08:00:00+07:00'))).toBe('overdue');
  });

  it('is due today on the due day in Đà Nẵng, though it is still the day before in UTC', () => {
    // 23:30 UTC on 4 March is 06:30 on 5 March in Đà Nẵng.
    expect(dueStateOf({ status: 'processing', dueAt: due }, at('2026-03-04T23:30:00Z'))).toBe('due_today');
    expect(dueStateOf({ status: 'received', dueAt: due }, at('2026-03-05T17:00:00+07:00'))).toBe('due_today');
  });

  it('is on time at 23:59 on the day before in Đà Nẵng', () => {
    expect(dueStateOf({ status: 'processing', dueAt: due }, at('2026-03-04T16:59:00Z'))).toBe('on_time');
  });

  it('never runs late while paused, finished or closed', () => {
    const late = at('2026-04-01T08:00:00+07:00');
    for (const status of DossierStatus.options) {
      const state = dueStateOf({ status, dueAt: due }, late);
      if (PAUSED_STATUSES.includes(status)) expect(state, status).toBe('paused');
      else if (CLOSED_STATUSES.includes(status)) expect(state, status).toBe('closed');
      else if (FINISHED_STATUSES.includes(status)) expect(state, status).toBe('finished');
      else expect(state, status).toBe('overdue');
    }
  });

  it('says how many working days are left or overdue once the calendar is known', () => {
    const calendar = workingDaysOf([statutorySchedule(2026)]);
    const dossier = { status: 'processing' as const, dueAt: due };
    expect(dueSummaryOf(dossier, at('2026-03-02T09:00:00+07:00'), calendar)).toEqual({
      kind: 'left',
      days: 3,
    });
    expect(dueSummaryOf(dossier, at('2026-03-02T09:00:00+07:00'), undefined)).toEqual({ kind: 'left' });
    expect(dueSummaryOf(dossier, at('2026-03-05T09:00:00+07:00'), calendar)).toEqual({ kind: 'due_today' });
    expect(dueSummaryOf(dossier, at('2026-03-05T18:00:00+07:00'), calendar)).toEqual({
      kind: 'overdue',
      days: 0,
    });
    expect(dueSummaryOf(dossier, at('2026-03-09T09:00:00+07:00'), calendar)).toEqual({
      kind: 'overdue',
      days: 2,
    });
    expect(
      dueSummaryOf({ status: 'awaiting_supplement', dueAt: due }, at('2026-03-09T09:00:00+07:00'), calendar),
    ).toEqual({ kind: 'paused' });
  });
});
