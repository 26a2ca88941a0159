import { describe, expect, it } from 'vitest';
import { findProcedure } from '#domain/catalogue/procedures';
import type { HistoryEntry } from '#domain/dossier/dossier';
import { applyAction } from '#domain/dossier/lifecycle';
import { DossierStatus } from '#domain/dossier/status';
import { InvalidInputError } from '#domain/errors';
import { checkNewDueAt } from '#domain/forms/apology';
import { formApplies } from '#domain/forms/applicability';
import type { FormInput } from '#domain/forms/common';
import { buildForm } from '#domain/forms/forms';
import { FormId } from '#domain/forms/layout';
import { publicLookupUrl } from '#domain/forms/receipt';
import { staff } from '../../../support/dossiers.ts';
import { calendar, dossierWithHistory, formText, RECEIVED, ward } from '../../../support/forms.ts';
import { REFUSE_REASON, REJECT_REASON, SUPPLEMENT_REASON } from '../../../support/lifecycle-paths.ts';

const procedure = findProcedure('1.004873');
const input = (status: DossierStatus, extra: Partial<FormInput> = {}): FormInput => ({
  ...dossierWithHistory(status),
  ward,
  procedure,
  now: new Date('2026-03-03T10:00:00+07:00'),
  ...extra,
});

describe('Form 01: receipt and appointment', () => {
  it('shows the code, applicant, procedure, documents, dates and where to collect, in two copies', () => {
    const form = buildForm('01', input('received', { lookupKey: 'ABCD2345' }));
    const text = formText(form);
    expect(form.pages.map((p) => p.copy)).toEqual([
      'Bản giao người nộp hồ sơ',
      'Bản lưu tại Bộ phận tiếp nhận và trả kết quả',
    ]);
    expect(form.pages[0]?.blocks).toContainEqual({ kind: 'codes', value: '000.01.01.H17-260302-0007' });
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'UBND PHƯỜNG HẢI CHÂU I',
      'Hải Châu I, ngày 02/03/2026',
      'Ông/Bà: Trần Thị Bích Ngọc',
      'Địa chỉ: Tổ 5, Phường Hải Châu I',
      'Số điện thoại: 0905 123 456',
      'Nội dung yêu cầu giải quyết: Xác nhận tình trạng hôn nhân',
      '1 | Tờ khai đăng ký khai sinh | Bản chính | 1',
      '2. Số lượng hồ sơ: 01 bộ',
      '3. Thời gian giải quyết hồ sơ theo quy định: 3 ngày làm việc',
      '4. Thời gian nhận hồ sơ: 08:00 ngày 02/03/2026',
      '5. Thời gian trả kết quả giải quyết hồ sơ: 17:00 ngày 05/03/2026',
      '6. Nơi nhận kết quả: Bộ phận tiếp nhận và trả kết quả, UBND Phường Hải Châu I',
      'Vào Sổ theo dõi hồ sơ: số thứ tự 0007 ngày 02/03/2026',
    ]) {
      expect(text).toContain(expected);
    }
    expect(form.issuedAt).toBe('2026-03-02T08:00:00+07:00');
    expect(form.fileName).toBe('mau-01-000.01.01.H17-260302-0007');
  });

  it('prints the key on the applicant’s copy only, and only when given', () => {
    const withKey = buildForm('01', input('received', { lookupKey: 'ABCD2345' }));
    const [citizen, office] = withKey.pages.map((p) => formText({ ...withKey, pages: [p] }));
    expect(citizen).toContain('Mã tra cứu hồ sơ: ABCD2345');
    expect(office).not.toContain('ABCD2345');
    const without = formText(buildForm('01', input('received')));
    expect(without).toContain('Mã tra cứu hồ sơ: in trên Giấy tiếp nhận bản gốc giao người nộp hồ sơ.');
  });

  it('makes the applicant’s QR code open the public lookup when the web app’s origin is known', () => {
    const codesOf = (form: ReturnType<typeof buildForm>) =>
      form.pages.map((p) => p.blocks.find((b) => b.kind === 'codes'));
    const code = '000.01.01.H17-260302-0007';
    const linked = buildForm(
      '01',
      input('received', { lookupKey: 'ABCD2345', webOrigin: 'https://d1abc.cloudfront.net/' }),
    );
    expect(codesOf(linked)).toEqual([
      {
        kind: 'codes',
        value: code,
        qr: `https://d1abc.cloudfront.net/lookup?code=${code}&key=ABCD2345`,
      },
      { kind: 'codes', value: code },
    ]);
    // Without the key there is nothing to look up; without the origin, nowhere to link.
    const bare = [
      { kind: 'codes', value: code },
      { kind: 'codes', value: code },
    ];
    expect(
      codesOf(buildForm('01', input('received', { webOrigin: 'https://d1abc.cloudfront.net' }))),
    ).toEqual(bare);
    expect(codesOf(buildForm('01', input('received', { lookupKey: 'ABCD2345' })))).toEqual(bare);
  });

  it('says "trong ngày làm việc" for a same-day procedure', () => {
    const sameDay = dossierWithHistory('received', 0);
    const text = formText(buildForm('01', { ...input('received'), ...sameDay }));
    expect(text).toContain('3. Thời gian giải quyết hồ sơ theo quy định: trong ngày làm việc');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 17:00 ngày 02/03/2026');
  });
});

describe('Form 02: supplement request', () => {
  it('is built from the latest request, dated by it, naming who to ask', () => {
    const form = buildForm('02', input('awaiting_supplement'));
    const text = formText(form);
    expect(text).toContain(`1 | ${SUPPLEMENT_REASON}`);
    expect(text).not.toContain('Thiếu tờ khai');
    expect(text).toContain('Bộ phận chuyên môn (specialist.hai-chau-i)');
    expect(form.header.placeDate).toBe('Hải Châu I, ngày 02/03/2026');
    expect(text).toContain('tạm dừng từ 12:00 ngày 02/03/2026');
  });
});

describe('Form 03: refusal', () => {
  it('gives the reason of a refusal at reception', () => {
    const text = formText(buildForm('03', input('refused')));
    expect(text).toContain('thông báo không tiếp nhận hồ sơ này');
    expect(text).toContain(REFUSE_REASON);
    expect(text).toContain('NGƯỜI TIẾP NHẬN');
  });

  it('gives the reason of a leader’s rejection, dated by it', () => {
    const text = formText(buildForm('03', input('rejected')));
    expect(text).toContain('thông báo từ chối giải quyết hồ sơ này');
    expect(text).toContain(REJECT_REASON);
    expect(text).toContain('Thời điểm từ chối: 11:00 ngày 02/03/2026.');
  });
});

describe('Form 04: apology and new date', () => {
  const overdue = { now: new Date('2026-03-09T09:00:00+07:00') };

  it('prints the due date, the reason and the new date, dated the day it is printed', () => {
    const form = buildForm(
      '04',
      input('processing', {
        ...overdue,
        apology: { newDueAt: '2026-03-11', reason: 'Cần xác minh tại nơi cư trú' },
      }),
    );
    const text = formText(form);
    expect(text).toContain('Thời hạn trả kết quả theo quy định: 17:00 ngày 05/03/2026.');
    expect(text).toContain('chưa được giải quyết xong');
    expect(text).toContain('Lý do: Cần xác minh tại nơi cư trú');
    expect(text).toContain('hẹn trả kết quả vào ngày 11/03/2026.');
    expect(form.header.placeDate).toBe('Hải Châu I, ngày 09/03/2026');
  });

  it('wants a working day after the current due date', () => {
    const { dossier } = dossierWithHistory('processing'); // due Thursday 05/03/2026
    expect(checkNewDueAt('2026-03-06', dossier, calendar)).toBe('2026-03-06');
    const reason = (date: string) => {
      try {
        checkNewDueAt(date, dossier, calendar);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).reason;
      }
    };
    expect(reason('2026-03-05')).toBe('must be after the current due date 05/03/2026');
    expect(reason('2026-03-07')).toBe('07/03/2026 is not a working day');
    expect(reason('2026-04-30')).toBe('30/04/2026 is not a working day');
    expect(reason('2026-02-30')).toBe('must be a date YYYY-MM-DD');
  });
});

describe('Form 06: process-control slip', () => {
  it('has one row per hand-off, with who gave, who received, when and the result; not the scans', () => {
    const base = input('rejected');
    const attach: HistoryEntry = {
      ...(base.history.at(-1) as HistoryEntry),
      seq: 99,
      action: 'attach_document',
      documentId: 'X',
    };
    const form = buildForm('06', { ...base, history: [...base.history, attach] });
    const table = form.pages[0]?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        '1',
        'Tiếp nhận hồ sơ',
        'Bộ phận tiếp nhận và trả kết quả\nclerk.hai-chau-i',
        'Bộ phận tiếp nhận và trả kết quả',
        '08:00\n02/03/2026',
        'Trước hạn',
        '',
      ],
      [
        '2',
        'Chuyển xử lý',
        'Bộ phận tiếp nhận và trả kết quả\nclerk.hai-chau-i',
        'Bộ phận chuyên môn\nspecialist.hai-chau-i',
        '09:00\n02/03/2026',
        'Trước hạn',
        '',
      ],
      [
        '3',
        'Trình lãnh đạo phê duyệt',
        'Bộ phận chuyên môn\nspecialist.hai-chau-i',
        'Lãnh đạo UBND',
        '10:00\n02/03/2026',
        'Trước hạn',
        '',
      ],
      [
        '4',
        'Từ chối giải quyết',
        'Lãnh đạo UBND\nleader.hai-chau-i',
        'Bộ phận tiếp nhận và trả kết quả',
        '11:00\n02/03/2026',
        'Trước hạn',
        REJECT_REASON,
      ],
    ]);
  });
});

describe('formApplies', () => {
  const EXPECTED: Record<DossierStatus, FormId[]> = {
    received: ['01', '06'],
    refused: ['03', '06'],
    processing: ['01', '06'],
    awaiting_supplement: ['01', '02', '06'],
    awaiting_payment: ['01', '06'],
    awaiting_approval: ['01', '06'],
    approved: ['01', '06'],
    rejected: ['01', '03', '06'],
    result_ready: ['01', '06'],
    returned: ['01', '06'],
    withdrawn: ['01', '06'],
    stopped: ['01', '06'],
  };

  it.each(DossierStatus.options)('%s: the forms that apply on time', (status) => {
    const i = input(status);
    expect(FormId.options.filter((f) => formApplies(f, i).applies)).toEqual(EXPECTED[status]);
  });

  it('adds 04 once a running clock passes the due time, and for a result finished late', () => {
    const late = new Date('2026-03-06T08:00:00+07:00');
    const applies = (status: DossierStatus, now: Date, outcome?: 'late') => {
      const i = input(status, { now });
      if (outcome) i.dossier.outcome = outcome;
      return formApplies('04', i).applies;
    };
    expect(applies('processing', late)).toBe(true);
    expect(applies('received', late)).toBe(true);
    expect(applies('processing', new Date('2026-03-05T17:00:00+07:00'))).toBe(false);
    // The clock is stopped while the citizen supplements.
    expect(applies('awaiting_supplement', late)).toBe(false);
    expect(applies('result_ready', late, 'late')).toBe(true);
    expect(applies('returned', late, 'late')).toBe(true);
    expect(applies('rejected', late, 'late')).toBe(true);
    expect(applies('result_ready', late)).toBe(false);
    expect(applies('stopped', late, 'late')).toBe(false);
  });

  it('explains why a form does not apply', () => {
    const answer = formApplies('02', input('processing'));
    expect(answer).toEqual({
      applies: false,
      reason: 'form 02 is printed once a supplement was requested; none was for this dossier',
    });
  });

  it('keeps 03 for a rejected dossier once its refusal letter was handed back', () => {
    const { dossier, history } = dossierWithHistory('rejected');
    const now = new Date(RECEIVED.getTime() + 5 * 3_600_000);
    const returned = applyAction(
      dossier,
      { action: 'return_result' },
      { principal: staff('clerk'), now, calendar },
    );
    const i = { ...input('rejected'), dossier: returned.dossier, history: [...history, returned.entry] };
    expect(returned.dossier.status).toBe('returned');
    expect(formApplies('03', i).applies).toBe(true);
  });
});

describe('Function: publicLookupUrl', () => {
  it('encodes the code and key as query values, whatever they hold', () => {
    expect(publicLookupUrl('http://127.0.0.1:3000', 'A B&C', 'K=1/2')).toBe(
      'http://127.0.0.1:3000/lookup?code=A%20B%26C&key=K%3D1%2F2',
    );
  });
});
