import type { DossierPage } from '../../shared/api/types.ts';
import type { Role } from '../../shared/auth/principal.ts';
import { dueStateOf } from './deadline.ts';

/** The printable forms of a dossier (one-stop-rules, Circular 01/2018 annex). */
export type FormId = '01' | '02' | '03' | '04' | '06';

/** Finished states with a result for the citizen: a late one still owes an apology (form 04). */
const HAS_RESULT = ['rejected', 'result_ready', 'returned'];

/** Roles that write to the citizen about their dossier; officials of the district and city only read. */
const APOLOGISING_ROLES: readonly Role[] = ['clerk', 'specialist', 'leader'];

type FormDossier = Pick<DossierPage, 'status' | 'dueAt' | 'outcome' | 'history' | 'wardId'>;

/**
 * The forms that apply to the dossier now, in form order, following the API's rules
 * (functions/domain/forms/applicability.ts); form 04 only for the ward's own staff.
 */
export function printableForms(
  dossier: FormDossier,
  viewer: { roles: readonly Role[]; wardId?: string | undefined },
  now: Date,
): FormId[] {
  const did = (action: string) => dossier.history.some((h) => h.action === action);
  const forms: FormId[] = [];
  if (dossier.status !== 'refused') forms.push('01');
  if (did('request_supplement')) forms.push('02');
  if (dossier.status === 'refused' || did('reject')) forms.push('03');
  const inWard = viewer.wardId === dossier.wardId && viewer.roles.some((r) => APOLOGISING_ROLES.includes(r));
  const late =
    dueStateOf(dossier, now) === 'overdue' ||
    (dossier.outcome === 'late' && HAS_RESULT.includes(dossier.status));
  if (inWard && late) forms.push('04');
  forms.push('06');
  return forms;
}

/** The API path of a form as PDF; form 04 carries the new return date and why. */
export function formPath(code: string, form: FormId): string {
  return `/v1/dossiers/${encodeURIComponent(code)}/forms/${form}`;
}

/** Query of form 04: the new date (`YYYY-MM-DD`) and the reason, when given. */
export function apologyQuery(newDueAt: string, reason: string): Record<string, string> {
  const trimmed = reason.trim();
  return trimmed ? { newDueAt, reason: trimmed } : { newDueAt };
}
