/** A valid intake body for a procedure of the catalogue (Chứng thực chữ ký, 0 working days). */
export function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    procedureId: '2.000884',
    channel: 'in_person',
    applicant: { fullName: 'Trần Thị Bích Ngọc', idNumber: '048190000123', phone: '0905 123 456' },
    documents: [{ name: 'Giấy tờ, văn bản cần chứng thực chữ ký', form: 'original', quantity: 1 }],
    ...overrides,
  };
}

export interface DossierBody {
  code: string;
  lookupKey: string;
  status: string;
  nationalStatus: number;
  version: number;
  dueAt: string;
  assignee?: string;
  history?: { action: string; from: string | null; to: string; actor: { userId: string } }[];
  allowedActions?: string[];
}
