import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { replayImportLines, splitImportLines } from '#domain/dossier/import-batch';

const ctx = { calendar: new WorkingCalendar(new Map()), now: new Date('2026-01-15T10:00:00+07:00') };

const line = (sourceId: string, extra: object = {}) =>
  JSON.stringify({
    sourceId,
    wardId: 'thach-thang',
    procedureId: '2.000815',
    channel: 'in_person',
    applicant: { fullName: 'Trần Thị Bình' },
    receivedAt: '2025-10-02T09:00:00+07:00',
    ...extra,
  });

describe('Function: splitImportLines', () => {
  it('numbers lines as in the file and drops empty ones, with CRLF and a byte-order mark', () => {
    expect(splitImportLines('\uFEFF{"a":1}\r\n\r\n  \n{"b":2}\n')).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 4, text: '{"b":2}' },
    ]);
  });
});

describe('Function: replayImportLines', () => {
  it('keeps good rows and reports each bad one by its line number', () => {
    const text = [
      line('A'),
      '',
      line('B', { wardId: 'atlantis' }),
      'not json',
      line('C', { actions: [{ action: 'approve', at: '2025-10-02T10:00:00+07:00' }] }),
      line('D'),
    ].join('\n');
    const { rows, errors } = replayImportLines(splitImportLines(text), ctx);
    expect(rows.map((r) => [r.line, r.replayed.sourceId])).toEqual([
      [1, 'A'],
      [6, 'D'],
    ]);
    expect(errors).toEqual([
      { line: 3, reason: "wardId: unknown ward 'atlantis'" },
      { line: 4, reason: expect.stringMatching(/^not valid JSON/) },
      { line: 5, reason: "actions.0 (approve): 'approve' is not allowed while the dossier is 'received'" },
    ]);
  });

  it('reports a sourceId repeated within the file on the later line', () => {
    const { rows, errors } = replayImportLines(splitImportLines([line('A'), line('A')].join('\n')), ctx);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ line: 2, reason: "sourceId: 'A' is already on line 1" }]);
  });
});
