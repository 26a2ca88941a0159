import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '#domain/dossier/dossier';
import { apologyQuery, formPath, printableForms } from '../../../../web/src/features/dossier/forms.ts';

const row = (action: HistoryEntry['action']): HistoryEntry => ({
  seq: 1,
  action,
  from: null,
  to: 'received',
  actor: { userId: 'clerk.an-khe', role: 'clerk' },
  at: '2026-03-02T08:00:00+07:00',
  outcome: 'early',
  dueAt: '2026-03-05T17:00:00+07:00',
});
const base = {
  wardId: 'an-khe',
  status: 'processing' as const,
  dueAt: '2026-03-05T17:00:00+07:00',
  history: [row('receive')],
};
const specialist = { roles: ['specialist' as const], wardId: 'an-khe' };
const before = new Date('2026-03-03T09:00:00+07:00');
const after = new Date('2026-03-06T09:00:00+07:00');

describe('Function: printableForms', () => {
  it('offers the receipt and the control slip to an accepted dossier on time', () => {
    expect(printableForms(base, specialist, before)).toEqual(['01', '06']);
  });

  it('offers the refusal but no receipt for a dossier refused at the counter', () => {
    expect(
      printableForms({ ...base, status: 'refused', history: [row('refuse')] }, specialist, before),
    ).toEqual(['03', '06']);
  });

  it('offers the supplement request once one was made, and the refusal after a rejection', () => {
    const history = [row('receive'), row('request_supplement'), row('supplement_received'), row('reject')];
    expect(printableForms({ ...base, status: 'rejected', history }, specialist, before)).toEqual([
      '01',
      '02',
      '03',
      '06',
    ]);
  });

  it('offers the apology to the ward’s staff when overdue or finished late, never to officials', () => {
    expect(printableForms(base, specialist, after)).toEqual(['01', '04', '06']);
    expect(printableForms(base, { roles: ['district_official'] }, after)).toEqual(['01', '06']);
    expect(printableForms(base, { roles: ['clerk'], wardId: 'tam-thuan' }, after)).toEqual(['01', '06']);
    const late = { ...base, status: 'result_ready' as const, outcome: 'late' as const };
    expect(printableForms(late, specialist, before)).toEqual(['01', '04', '06']);
    // Paused: the clock does not run, so no apology is owed yet.
    expect(printableForms({ ...base, status: 'awaiting_supplement' }, specialist, after)).toEqual([
      '01',
      '06',
    ]);
  });

  it('builds the form’s address and the apology’s query', () => {
    expect(formPath('000.09.02.H17-260302-0001', '06')).toBe(
      '/v1/dossiers/000.09.02.H17-260302-0001/forms/06',
    );
    expect(apologyQuery('2026-03-10', '  ')).toEqual({ newDueAt: '2026-03-10' });
    expect(apologyQuery('2026-03-10', ' Chờ xác minh ')).toEqual({
      newDueAt: '2026-03-10',
      reason: 'Chờ xác minh',
    });
  });
});
