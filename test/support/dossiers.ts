import type { Principal, Role } from '#domain/auth/principal';
import type { Dossier } from '#domain/dossier/dossier';
import { type DossierStatus, isPaused, nationalStatusOf } from '#domain/dossier/status';

export const WARD = 'hai-chau-i';
export const DISTRICT = 'hai-chau';

/** A principal of the test ward holding one role, named like the demo users. */
export function staff(role: Role, wardId = WARD): Principal {
  const prefix = role === 'ward_admin' ? 'admin' : role;
  return { userId: `${prefix}.${wardId}`, roles: [role], wardId, districtId: DISTRICT };
}

/** A dossier in any state, consistent with how the lifecycle leaves it there. */
export function dossierIn(status: DossierStatus, overrides: Partial<Dossier> = {}): Dossier {
  const base: Dossier = {
    code: '000.01.01.H17-260302-0001',
    wardId: WARD,
    districtId: DISTRICT,
    procedureId: '2.000884',
    fieldId: 'chung-thuc',
    channel: 'in_person',
    applicant: { fullName: 'Nguyễn Thị Thu Hà' },
    documents: [{ name: 'Giấy tờ cần chứng thực chữ ký', form: 'original', quantity: 1 }],
    numberOfSets: 1,
    receivedAt: '2026-03-02T08:00:00+07:00',
    receivedBy: `clerk.${WARD}`,
    countedFrom: '2026-03-02',
    processingDays: 3,
    dueAt: '2026-03-05T17:00:00+07:00',
    status,
    nationalStatus: nationalStatusOf[status],
    pausedWorkingDays: 0,
    lookupKeyHash: 'x'.repeat(64),
    version: 3,
    updatedAt: '2026-03-02T08:00:00+07:00',
  };
  if (status !== 'received' && status !== 'refused') base.assignee = `specialist.${WARD}`;
  if (isPaused(status)) {
    base.pausedFrom = 'processing';
    base.pausedAt = '2026-03-03T09:00:00+07:00';
  }
  return { ...base, ...overrides };
}
