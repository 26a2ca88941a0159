import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import {
  type ImportRow,
  MAX_IMPORT_ACTIONS,
  parseImportLine,
  type ReplayedImport,
  replayImport,
  withCode,
} from '#domain/dossier/import';

const calendar = new WorkingCalendar(new Map());
const ctx = { calendar, now: new Date('2026-01-15T10:00:00+07:00') };
const WARD = 'hai-chau-i';
const SPECIALIST = `specialist.${WARD}`;
const at = (day: string, time: string) => `2025-${day}T${time}:00+07:00`;

/** A row of DN.HT.03 (hộ tịch, 3 working days, cut-off 17:00) received Monday 2025-10-06 09:00. */
function rowOf(overrides: Partial<Record<keyof ImportRow, unknown>> = {}): Record<string, unknown> {
  return {
    sourceId: 'OLD-0001',
    wardId: WARD,
    procedureId: 'DN.HT.03',
    channel: 'in_person',
    applicant: { fullName: 'Nguyễn Văn An' },
    receivedAt: at('10-06', '09:00'),
    actions: [],
    ...overrides,
  };
}

function parse(row: Record<string, unknown>): ImportRow {
  const parsed = parseImportLine(JSON.stringify(row));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

function replay(row: Record<string, unknown>): ReplayedImport {
  const result = replayImport(parse(row), ctx);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function refusal(row: Record<string, unknown>): string {
  const result = replayImport(parse(row), ctx);
  if (result.ok) throw new Error('expected the row to be refused');
  return result.reason;
}

const route = (time: string) => ({ action: 'route', at: time, assignee: SPECIALIST });
/** Route, submit, approve, result ready (finished at `ready`), return. */
const fullPath = (ready: string, returned: string) => [
  route(at('10-06', '10:00')),
  { action: 'submit_for_approval', at: at('10-06', '11:00') },
  { action: 'approve', at: at('10-06', '14:00') },
  { action: 'mark_result_ready', at: ready },
  { action: 'return_result', at: returned },
];

describe('Function: parseImportLine', () => {
  it('accepts a minimal row and fills the defaults', () => {
    const parsed = parseImportLine(JSON.stringify(rowOf({ actions: undefined })));
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({ documents: [], actions: [], outcome: 'accepted', numberOfSets: 1 }),
    });
  });

  it('refuses a line that is not JSON', () => {
    const parsed = parseImportLine('{"sourceId": ');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/^not valid JSON/);
  });

  it('names every bad field by its path', () => {
    const parsed = parseImportLine(
      JSON.stringify(
        rowOf({
          sourceId: undefined,
          applicant: { fullName: '' },
          receivedAt: '2025-10-06 09:00',
          actions: [
            { action: 'approve', at: at('10-06', '10:00') },
            { action: 'fly', at: at('10-06', '11:00') },
          ],
          extra: 1,
        } as Record<string, unknown>),
      ),
    );
    expect(parsed.ok).toBe(false);
    const reason = parsed.ok ? '' : parsed.reason;
    expect(reason).toContain('sourceId: is required');
    expect(reason).toContain('applicant.fullName: is required');
    expect(reason).toContain('receivedAt: must be an ISO-8601 date-time with offset');
    expect(reason).toMatch(/actions\.1\.action: /);
    expect(reason).toContain('(row): has unknown field(s): extra');
  });

  it('asks for the reason and assignee the action needs', () => {
    const parsed = parseImportLine(
      JSON.stringify(
        rowOf({
          actions: [
            { action: 'route', at: at('10-06', '10:00') },
            { action: 'withdraw', at: at('10-06', '11:00') },
          ],
        }),
      ),
    );
    expect(parsed.ok ? '' : parsed.reason).toBe(
      'actions.0.assignee: is required for route; actions.1.reason: is required for withdraw',
    );
  });

  it('asks for a reason on an intake refusal, and no actions after it', () => {
    const parsed = parseImportLine(
      JSON.stringify(rowOf({ outcome: 'refused', actions: [route(at('10-06', '10:00'))] })),
    );
    expect(parsed.ok ? '' : parsed.reason).toBe(
      'reason: is required when the outcome is refused; actions: must be empty when the outcome is refused',
    );
  });

  it(`refuses more than ${MAX_IMPORT_ACTIONS} actions, so that a row fits one transaction`, () => {
    const actions = Array.from({ length: MAX_IMPORT_ACTIONS + 1 }, () => route(at('10-06', '10:00')));
    const parsed = parseImportLine(JSON.stringify(rowOf({ actions })));
    expect(parsed.ok ? '' : parsed.reason).toMatch(/^actions: at most 96 actions/);
  });
});

describe('Function: replayImport', () => {
  it('receives the dossier at receivedAt: due date from the receipt, intake row by the ward clerk', () => {
    const replayed = replay(rowOf({ sourceId: 'OLD-7', channel: 'online' }));
    expect(replayed.receiptDate).toBe('2025-10-06');
    expect(replayed.ward.id).toBe(WARD);
    expect(replayed.dossier).toMatchObject({
      wardId: WARD,
      districtId: 'hai-chau',
      fieldId: 'ho-tich',
      channel: 'online',
      status: 'received',
      receivedAt: '2025-10-06T09:00:00+07:00',
      receivedBy: `clerk.${WARD}`,
      countedFrom: '2025-10-06',
      processingDays: 3,
      dueAt: '2025-10-09T17:00:00+07:00',
      version: 1,
      updatedAt: '2025-10-06T09:00:00+07:00',
    });
    expect(replayed.dossier).not.toHaveProperty('code');
    expect(replayed.history).toEqual([
      expect.objectContaining({
        seq: 1,
        action: 'receive',
        to: 'received',
        actor: { userId: `clerk.${WARD}`, role: 'clerk' },
        at: '2025-10-06T09:00:00+07:00',
        note: 'Tiếp nhận hồ sơ (nhập từ dữ liệu lịch sử, mã nguồn OLD-7)',
      }),
    ]);
  });

  it('counts a receipt after the cut-off from the next working day', () => {
    const replayed = replay(rowOf({ receivedAt: at('10-10', '17:30') }));
    expect(replayed.receiptDate).toBe('2025-10-10');
    expect(replayed.dossier.countedFrom).toBe('2025-10-13');
    expect(replayed.dossier.dueAt).toBe('2025-10-16T17:00:00+07:00');
  });

  it('skips the Quốc khánh holidays (1/9 and 2/9/2025) in the due date', () => {
    const replayed = replay(rowOf({ receivedAt: at('08-29', '09:00') }));
    expect(replayed.dossier.dueAt).toBe('2025-09-05T17:00:00+07:00');
  });

  it('replays each action at its own time, by a user of the role the rules want', () => {
    const replayed = replay(rowOf({ actions: fullPath(at('10-08', '10:00'), at('10-09', '09:00')) }));
    expect(replayed.dossier).toMatchObject({
      status: 'returned',
      version: 6,
      assignee: SPECIALIST,
      finishedAt: '2025-10-08T10:00:00+07:00',
      updatedAt: '2025-10-09T09:00:00+07:00',
    });
    expect(replayed.history.map((h) => [h.seq, h.action, h.actor.userId, h.at])).toEqual([
      [1, 'receive', `clerk.${WARD}`, at('10-06', '09:00')],
      [2, 'route', `clerk.${WARD}`, at('10-06', '10:00')],
      [3, 'submit_for_approval', SPECIALIST, at('10-06', '11:00')],
      [4, 'approve', `leader.${WARD}`, at('10-06', '14:00')],
      [5, 'mark_result_ready', `clerk.${WARD}`, at('10-08', '10:00')],
      [6, 'return_result', `clerk.${WARD}`, at('10-09', '09:00')],
    ]);
    expect(replayed.history[1]).toMatchObject({
      handoffTo: SPECIALIST,
      note: 'Chuyển xử lý (nhập từ dữ liệu lịch sử, mã nguồn OLD-0001)',
    });
  });

  it('takes a specialist step as the assignee the dossier was routed to', () => {
    const replayed = replay(
      rowOf({
        actions: [
          { action: 'route', at: at('10-06', '10:00'), assignee: 'nguyen.van.b' },
          { action: 'submit_for_approval', at: at('10-06', '11:00') },
        ],
      }),
    );
    expect(replayed.history[2]?.actor).toEqual({ userId: 'nguyen.van.b', role: 'specialist' });
  });

  it.each([
    ['early, before the due day', at('10-08', '16:00'), 'early'],
    ['on time, on the due day by 17:00', at('10-09', '17:00'), 'on_time'],
    ['late, after the due time', at('10-09', '17:01'), 'late'],
  ])('fixes the outcome when the result is ready: %s', (_, ready, outcome) => {
    const replayed = replay(rowOf({ actions: fullPath(ready, at('10-10', '09:00')) }));
    expect(replayed.dossier).toMatchObject({ finishedAt: ready, outcome });
  });

  it('pushes the due date by the working days of a supplement pause', () => {
    const replayed = replay(
      rowOf({
        actions: [
          route(at('10-06', '10:00')),
          { action: 'request_supplement', at: at('10-07', '09:00'), reason: 'Thiếu tờ khai' },
          { action: 'supplement_received', at: at('10-10', '09:00') },
        ],
      }),
    );
    // Due Thu 9/10; paused Tue 7/10 → Fri 10/10: 8, 9, 10 are 3 working days → Tue 14/10.
    expect(replayed.dossier).toMatchObject({
      status: 'processing',
      dueAt: '2025-10-14T17:00:00+07:00',
      pausedWorkingDays: 3,
    });
    expect(replayed.dossier).not.toHaveProperty('pausedAt');
    expect(replayed.history[2]).toMatchObject({ action: 'request_supplement', reason: 'Thiếu tờ khai' });
  });

  it('records an intake refusal as a refused dossier, finished at receipt', () => {
    const replayed = replay(rowOf({ outcome: 'refused', reason: 'Không thuộc thẩm quyền' }));
    expect(replayed.dossier).toMatchObject({
      status: 'refused',
      nationalStatus: 3,
      reason: 'Không thuộc thẩm quyền',
      finishedAt: '2025-10-06T09:00:00+07:00',
      outcome: 'early',
    });
    expect(replayed.history).toEqual([
      expect.objectContaining({ action: 'refuse', reason: 'Không thuộc thẩm quyền' }),
    ]);
  });

  it('records a withdrawal without fixing an outcome', () => {
    const replayed = replay(
      rowOf({
        actions: [
          route(at('10-06', '10:00')),
          { action: 'withdraw', at: at('10-07', '09:00'), reason: 'Xin rút' },
        ],
      }),
    );
    expect(replayed.dossier).toMatchObject({ status: 'withdrawn', nationalStatus: 7, reason: 'Xin rút' });
    expect(replayed.dossier).not.toHaveProperty('finishedAt');
    expect(replayed.dossier.updatedAt).toBe('2025-10-07T09:00:00+07:00');
  });

  it('refuses an action the rules refuse in that state, with the lifecycle message', () => {
    expect(refusal(rowOf({ actions: [{ action: 'approve', at: at('10-06', '10:00') }] }))).toBe(
      "actions.0 (approve): 'approve' is not allowed while the dossier is 'received'",
    );
  });

  it('refuses an action before the previous step or before the receipt', () => {
    expect(refusal(rowOf({ actions: [route(at('10-06', '08:59'))] }))).toBe(
      `actions.0.at: ${at('10-06', '08:59')} is before receivedAt (${at('10-06', '09:00')})`,
    );
    expect(
      refusal(
        rowOf({
          actions: [route(at('10-06', '10:00')), { action: 'submit_for_approval', at: at('10-06', '09:30') }],
        }),
      ),
    ).toBe(`actions.1.at: ${at('10-06', '09:30')} is before actions.0.at (${at('10-06', '10:00')})`);
  });

  it('refuses times in the future', () => {
    expect(refusal(rowOf({ receivedAt: '2026-01-16T09:00:00+07:00' }))).toBe(
      'receivedAt: 2026-01-16T09:00:00+07:00 is in the future',
    );
    expect(refusal(rowOf({ actions: [route('2026-01-15T10:01:00+07:00')] }))).toBe(
      'actions.0.at: 2026-01-15T10:01:00+07:00 is in the future',
    );
  });

  it('refuses an unknown ward or procedure', () => {
    expect(refusal(rowOf({ wardId: 'atlantis' }))).toBe("wardId: unknown ward 'atlantis'");
    expect(refusal(rowOf({ procedureId: '9.999999' }))).toBe("procedureId: unknown procedure '9.999999'");
  });

  it('asks for processing days when the catalogue does not know them', () => {
    expect(refusal(rowOf({ procedureId: '1.013225' }))).toMatch(/^receivedAt: the catalogue does not know/);
    expect(replay(rowOf({ procedureId: '1.013225', processingDays: 15 })).dossier.dueAt).toBe(
      '2025-10-27T17:00:00+07:00',
    );
  });

  it('refuses a receipt outside the years dossier codes cover', () => {
    expect(refusal(rowOf({ receivedAt: '1999-12-31T09:00:00+07:00' }))).toMatch(/^receivedAt: .*2000–2099/);
  });
});

describe('Function: withCode', () => {
  it('gives the replayed dossier its code and lookup key hash', () => {
    const replayed = replay(rowOf());
    const dossier = withCode(replayed, { code: '000.01.01.H17-251006-0001', lookupKeyHash: 'h'.repeat(64) });
    expect(dossier).toMatchObject({
      code: '000.01.01.H17-251006-0001',
      lookupKeyHash: 'h'.repeat(64),
      version: 1,
    });
  });
});
