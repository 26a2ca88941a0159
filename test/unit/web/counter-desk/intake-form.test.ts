import { describe, expect, it } from 'vitest';
import { IntakeRequest } from '#domain/dossier/intake';
import {
  type DocumentRow,
  documentRowsFor,
  emptyDraft,
  freeDocumentRow,
  type IntakeDraft,
  inputForApiField,
  intakeBody,
  localIso,
  mapApiFieldErrors,
  problemFromApi,
  validateDraft,
} from '../../../../web/src/features/counter-desk/intake-form.ts';

const accept = { outcome: 'accepted', needsProcessingDays: false } as const;

function filledDraft(overrides: Partial<IntakeDraft> = {}): IntakeDraft {
  return {
    ...emptyDraft(),
    procedureId: '1.001193',
    applicant: {
      fullName: ' Trần Thị Bích Ngọc ',
      idNumber: '048190000123',
      phone: '',
      email: '',
      address: '',
    },
    documents: [{ ...freeDocumentRow(), name: 'Tờ khai đăng ký khai sinh' }],
    ...overrides,
  };
}

describe('validateDraft', () => {
  it('asks for the procedure, the applicant’s name and a document before anything is sent', () => {
    expect(validateDraft(emptyDraft(), accept)).toEqual({
      procedureId: 'required',
      fullName: 'required',
      documents: 'documentsNone',
    });
  });

  it('passes a complete draft', () => {
    expect(validateDraft(filledDraft(), accept)).toEqual({});
  });

  it('checks the optional applicant fields only when filled, by the API’s rules', () => {
    const draft = filledDraft({
      applicant: { fullName: 'A', idNumber: '12 34', phone: '090', email: 'not-mail', address: '' },
    });
    expect(validateDraft(draft, accept)).toEqual({ idNumber: 'idNumber', phone: 'phone', email: 'email' });
  });

  it('names the row whose quantity is wrong', () => {
    const row = { ...freeDocumentRow(), name: 'Giấy chứng sinh', quantity: '0' };
    expect(validateDraft(filledDraft({ documents: [row] }), accept)).toEqual({
      [`documents.${row.key}.quantity`]: 'quantity',
    });
  });

  it('counts catalogue documents only when ticked as received', () => {
    const rows = documentRowsFor(['Tờ khai', 'Giấy chứng sinh']);
    expect(validateDraft(filledDraft({ documents: rows }), accept).documents).toBe('documentsNone');
    const ticked = rows.map((r, i) => (i === 1 ? { ...r, received: true } : r));
    expect(validateDraft(filledDraft({ documents: ticked }), accept)).toEqual({});
  });

  it('asks for the processing days only when the catalogue does not know them', () => {
    const options = { outcome: 'accepted', needsProcessingDays: true } as const;
    expect(validateDraft(filledDraft(), options)).toEqual({ processingDays: 'required' });
    expect(validateDraft(filledDraft({ processingDays: '400' }), options)).toEqual({
      processingDays: 'processingDays',
    });
    expect(validateDraft(filledDraft({ processingDays: '5' }), options)).toEqual({});
  });

  it('needs a reason but no document to refuse', () => {
    const refuse = { outcome: 'refused', needsProcessingDays: false } as const;
    expect(validateDraft(filledDraft({ documents: [] }), refuse)).toEqual({ reason: 'required' });
    expect(validateDraft(filledDraft({ documents: [], reason: 'Thiếu giấy tờ' }), refuse)).toEqual({});
  });
});

describe('intakeBody', () => {
  it('builds a body the API’s schema accepts, without empty optional fields', () => {
    const { body } = intakeBody(filledDraft(), accept);
    expect(body.applicant).toEqual({ fullName: 'Trần Thị Bích Ngọc', idNumber: '048190000123' });
    expect(body.documents).toEqual([{ name: 'Tờ khai đăng ký khai sinh', form: 'original', quantity: 1 }]);
    expect(body).not.toHaveProperty('processingDays');
    expect(body).not.toHaveProperty('reason');
    expect(IntakeRequest.safeParse(body).success).toBe(true);
  });

  it('carries processing days and the refusal reason when they apply', () => {
    const draft = filledDraft({ processingDays: '3', reason: ' Hồ sơ không thuộc thẩm quyền ' });
    const { body } = intakeBody(draft, { outcome: 'refused', needsProcessingDays: true });
    expect(body).toMatchObject({
      processingDays: 3,
      outcome: 'refused',
      reason: 'Hồ sơ không thuộc thẩm quyền',
    });
    expect(IntakeRequest.safeParse(body).success).toBe(true);
  });

  it('sends only received rows and says which row each sent document came from', () => {
    const [first, second] = documentRowsFor(['Tờ khai', 'Giấy chứng sinh']) as [DocumentRow, DocumentRow];
    const typed = { ...freeDocumentRow(), name: 'Bản sao CCCD', form: 'copy' as const, quantity: '2' };
    const blank = freeDocumentRow();
    const draft = filledDraft({
      documents: [first, { ...second, received: true }, blank, typed],
    });
    const { body, rowKeys } = intakeBody(draft, accept);
    expect(body.documents.map((d) => d.name)).toEqual(['Giấy chứng sinh', 'Bản sao CCCD']);
    expect(rowKeys).toEqual([second.key, typed.key]);
  });
});

describe('API field errors onto inputs', () => {
  const rowKeys = ['r7', 'r9'];

  it('maps applicant paths to their inputs', () => {
    expect(inputForApiField('applicant.fullName', rowKeys)).toBe('fullName');
    expect(inputForApiField('applicant.idNumber', rowKeys)).toBe('idNumber');
    expect(inputForApiField('applicant', rowKeys)).toBe('fullName');
  });

  it('maps a document’s index to the checklist row it was sent from', () => {
    expect(inputForApiField('documents.1.quantity', rowKeys)).toBe('documents.r9.quantity');
    expect(inputForApiField('documents.0.name', rowKeys)).toBe('documents.r7.name');
    expect(inputForApiField('documents.5.name', rowKeys)).toBe('documents');
    expect(inputForApiField('documents', rowKeys)).toBe('documents');
  });

  it('keeps the first reason per input and returns what fits no input', () => {
    const mapped = mapApiFieldErrors(
      [
        { field: 'applicant.fullName', reason: 'is required' },
        { field: 'applicant.fullName', reason: 'second' },
        { field: 'processingDays', reason: 'processingDays for procedure X must be 3' },
        { field: '(body)', reason: 'has unknown field(s): extra' },
      ],
      rowKeys,
    );
    expect(mapped.byInput).toEqual({
      fullName: 'is required',
      processingDays: 'processingDays for procedure X must be 3',
    });
    expect(mapped.unmatched).toEqual([{ field: '(body)', reason: 'has unknown field(s): extra' }]);
  });

  it('says the Vietnamese rule for reasons it knows, and shows the API’s words otherwise', () => {
    expect(problemFromApi('fullName', 'is required')).toBe('required');
    expect(problemFromApi('idNumber', 'must be 6–20 letters or digits')).toBe('idNumber');
    expect(problemFromApi('documents.r7.quantity', 'Too big: expected number to be <=100')).toBe('quantity');
    expect(problemFromApi('processingDays', 'must be from 3 to 5')).toBe('invalid');
  });
});

describe('localIso', () => {
  it('writes an instant in Đà Nẵng time with its offset', () => {
    expect(localIso(new Date('2026-02-16T02:30:05.120Z'))).toBe('2026-02-16T09:30:05+07:00');
    expect(localIso(new Date('2026-02-16T18:00:00Z'))).toBe('2026-02-17T01:00:00+07:00');
  });
});
