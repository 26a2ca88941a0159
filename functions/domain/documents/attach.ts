import { canReadWard, rolesInWard } from '../auth/access.ts';
import type { Principal, Role } from '../auth/principal.ts';
import { stepOutcome } from '../calendar/due-date.ts';
import { ACTION_LABEL } from '../dossier/actions.ts';
import type { Dossier, HistoryEntry } from '../dossier/dossier.ts';
import { ConflictError, ForbiddenError } from '../errors.ts';
import { toLocalIso } from '../time.ts';
import { type DossierDocument, MAX_DOCUMENTS_PER_DOSSIER } from './document.ts';

/** Ward roles that scan and attach documents: whoever may act on a dossier. */
export const ATTACH_ROLES: readonly Role[] = ['clerk', 'specialist', 'leader'];

/** The role the principal attaches in; ForbiddenError when they may only read, or not even that. */
export function attachingRole(principal: Principal, dossier: Dossier): Role {
  const role = rolesInWard(principal, dossier.wardId).find((r) => ATTACH_ROLES.includes(r));
  if (role) return role;
  throw new ForbiddenError(
    canReadWard(principal, dossier.wardId)
      ? `only ${ATTACH_ROLES.join(', ')} of ward ${dossier.wardId} may attach scans`
      : `dossier ${dossier.code} belongs to another ward`,
  );
}

/** The dossier holds as many scans as it may. */
export class DocumentLimitError extends ConflictError {}

/** DocumentLimitError when the dossier cannot take `more` scans. */
export function assertRoomFor(code: string, held: number, more = 1): void {
  if (held + more > MAX_DOCUMENTS_PER_DOSSIER) {
    throw new DocumentLimitError(
      `dossier ${code} already holds ${held} scans; the limit is ${MAX_DOCUMENTS_PER_DOSSIER}`,
      { limit: MAX_DOCUMENTS_PER_DOSSIER, held },
    );
  }
}

/**
 * Attaches a checked scan: the dossier moves up one version and counts it, and a history row
 * records who attached what. The state and the deadline stay as they are.
 */
export function attachDocument(
  dossier: Dossier,
  document: DossierDocument,
  ctx: { principal: Principal; now: Date },
): { dossier: Dossier; entry: HistoryEntry } {
  const role = attachingRole(ctx.principal, dossier);
  const held = dossier.documentCount ?? 0;
  assertRoomFor(dossier.code, held);
  const at = toLocalIso(ctx.now);
  const next: Dossier = { ...dossier, documentCount: held + 1, version: dossier.version + 1, updatedAt: at };
  const entry: HistoryEntry = {
    seq: next.version,
    action: 'attach_document',
    from: dossier.status,
    to: dossier.status,
    actor: { userId: ctx.principal.userId, role },
    at,
    outcome: stepOutcome(ctx.now, dossier.dueAt),
    dueAt: dossier.dueAt,
    note: `${ACTION_LABEL.attach_document}: ${document.name}${document.page ? ` (trang ${document.page})` : ''}`,
    documentId: document.documentId,
  };
  return { dossier: next, entry };
}
