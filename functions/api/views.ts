import type { Principal } from '#domain/auth/principal';
import { findProcedure } from '#domain/catalogue/procedures';
import { findWard } from '#domain/catalogue/units';
import { DOCUMENT_KIND_LABEL, type DossierDocument } from '#domain/documents/document';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { allowedActions } from '#domain/dossier/lifecycle';
import { NATIONAL_STATUS, type NationalStatusCode, STATUS_LABEL } from '#domain/dossier/status';

/** A dossier as staff see it: everything but the lookup key's hash, with readable labels. */
export function staffView(dossier: Dossier) {
  const { lookupKeyHash: _hidden, ...rest } = dossier;
  return {
    ...rest,
    statusLabel: STATUS_LABEL[dossier.status],
    nationalStatusName: NATIONAL_STATUS[dossier.nationalStatus as NationalStatusCode],
    procedureName: findProcedure(dossier.procedureId)?.name,
  };
}

/** The full dossier page: the dossier, its history (form 06 rows) and what this user may do. */
export function dossierPage(dossier: Dossier, history: HistoryEntry[], principal: Principal) {
  return { ...staffView(dossier), history, allowedActions: allowedActions(dossier, principal) };
}

/** What anyone holding the code and key may see: no personal data. */
export function publicView(dossier: Dossier) {
  const ward = findWard(dossier.wardId);
  return {
    code: dossier.code,
    status: dossier.status,
    statusLabel: STATUS_LABEL[dossier.status],
    nationalStatus: dossier.nationalStatus,
    nationalStatusName: NATIONAL_STATUS[dossier.nationalStatus as NationalStatusCode],
    procedureId: dossier.procedureId,
    procedureName: findProcedure(dossier.procedureId)?.name,
    ward: ward ? { id: ward.id, name: ward.name } : { id: dossier.wardId },
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    updatedAt: dossier.updatedAt,
  };
}

/** A scan as staff see it: everything but the storage key, which only the server uses. */
export function documentView(document: DossierDocument) {
  const { key: _internal, ...rest } = document;
  return { ...rest, kindLabel: DOCUMENT_KIND_LABEL[document.kind] };
}
