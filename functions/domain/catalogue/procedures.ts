import * as z from 'zod';
import { findField } from '#domain/catalogue/fields';
import { parseClock } from '#domain/time';
import data from '../../config/procedures.json' with { type: 'json' };

/** Upper bound for any processing time, so a typo cannot push a due date years out. */
export const MAX_PROCESSING_DAYS = 365;

const NATIONAL_CODE = /^\d\.\d{6}$/;

/**
 * Procedures without a national code get a local code `DN.<field>.<nn>`: the field's
 * abbreviation below and a two-digit number in catalogue order. Dossiers store the id, so a
 * local code is never renumbered or reused; a new procedure takes the next free number.
 */
const LOCAL_CODE = /^DN\.([A-Z]{2})\.(\d{2})$/;
const LOCAL_CODE_FIELDS: Readonly<Record<string, string>> = {
  VT: 'van-thu',
  CT: 'chung-thuc',
  HT: 'ho-tich',
  XD: 'xay-dung-nha-o-dat-dai',
  LD: 'lao-dong-thuong-binh-xa-hoi',
  TH: 'thue',
  KH: 'linh-vuc-khac',
  TV: 'tu-van',
};

/** Decree 23/2015 art. 7: certification requests received after 15:00 move to the next working day. */
const CERTIFICATION_FIELD = 'chung-thuc';
const CERTIFICATION_CUTOFF = '15:00';
const OFFICE_CLOSES = '17:00';

const Clock = z.string().refine((v) => parseClock(v) !== undefined, { message: 'expected HH:MM' });

/**
 * A procedure (thủ tục hành chính) a ward receives. `null` means the source does not know the
 * value; a ward admin completes it, and nothing may guess it meanwhile.
 */
export const Procedure = z
  .strictObject({
    id: z.string().min(1),
    nationalCode: z.string().regex(NATIONAL_CODE).nullable(),
    name: z.string().min(1),
    nameEn: z.string().min(1),
    fieldId: z.string().min(1),
    /** Working days; 0 = same day. */
    processingDays: z.int().min(0).max(MAX_PROCESSING_DAYS).nullable(),
    /** Extra working days the law allows in some cases (verification, bulk requests); `when` in Vietnamese. */
    extension: z
      .strictObject({ upToDays: z.int().min(1).max(MAX_PROCESSING_DAYS), when: z.string().min(1) })
      .nullable(),
    /** Receipts after this local time count as received on the next working day. */
    cutoff: Clock,
    fee: z.strictObject({ text: z.string().min(1) }).nullable(),
    legalBasis: z.string().min(1).nullable(),
    requiredDocuments: z.array(z.string().min(1)).nullable(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!findField(p.fieldId)) issue('fieldId', `unknown field ${p.fieldId}`);
    if (p.nationalCode !== null) {
      if (p.id !== p.nationalCode) issue('id', 'must equal the national code');
    } else {
      const m = LOCAL_CODE.exec(p.id);
      if (!m) issue('id', 'without a national code, must be a local code DN.<field>.<nn>');
      else if (LOCAL_CODE_FIELDS[m[1] ?? ''] !== p.fieldId)
        issue('id', `local code prefix does not match ${p.fieldId}`);
    }
    if (p.extension !== null && p.processingDays === null) issue('extension', 'needs known processingDays');
    if (p.extension !== null && (p.processingDays ?? 0) + p.extension.upToDays > MAX_PROCESSING_DAYS)
      issue('extension', `processingDays with extension exceeds ${MAX_PROCESSING_DAYS}`);
    // Same-width HH:MM strings compare in time order.
    if (p.cutoff > OFFICE_CLOSES) issue('cutoff', `must not be after ${OFFICE_CLOSES}`);
    if (p.fieldId === CERTIFICATION_FIELD && p.cutoff > CERTIFICATION_CUTOFF)
      issue('cutoff', `must not be after ${CERTIFICATION_CUTOFF} for certification`);
  });
export type Procedure = z.infer<typeof Procedure>;

const Catalogue = z.array(Procedure).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((p, i) => {
    if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${p.id}` });
    seen.add(p.id);
  });
});

/** Validates a procedure list; throws a ZodError on a bad entry, an unknown field or a duplicate id. */
export function parseProcedures(raw: unknown): readonly Procedure[] {
  return Catalogue.parse(raw);
}

/** The seed catalogue, validated once at load so a bad configuration fails fast. */
export const procedures: readonly Procedure[] = parseProcedures(data.procedures);

const proceduresById = new Map(procedures.map((p) => [p.id, p] as const));

export function findProcedure(id: string): Procedure | undefined {
  return proceduresById.get(id);
}

/** What the deadline calculation needs; undefined while the processing time is unknown. */
export function dueRuleOf(p: Procedure): { processingDays: number; cutoff: string } | undefined {
  return p.processingDays === null ? undefined : { processingDays: p.processingDays, cutoff: p.cutoff };
}

export type ProcessingDaysDecision = { ok: true; days: number } | { ok: false; reason: string };

/**
 * Decides a dossier's processing days at intake: the catalogue value by default; a requested
 * value only within the catalogue value plus its extension, or freely while the catalogue does not know it.
 */
export function processingDaysFor(p: Procedure, requested?: number): ProcessingDaysDecision {
  if (requested === undefined) {
    if (p.processingDays === null)
      return {
        ok: false,
        reason: `the catalogue does not know the processing time of procedure ${p.id}; give processingDays`,
      };
    return { ok: true, days: p.processingDays };
  }
  if (!Number.isInteger(requested) || requested < 0 || requested > MAX_PROCESSING_DAYS)
    return { ok: false, reason: `processingDays must be an integer from 0 to ${MAX_PROCESSING_DAYS}` };
  if (p.processingDays === null) return { ok: true, days: requested };
  const min = p.processingDays;
  const max = min + (p.extension?.upToDays ?? 0);
  if (requested >= min && requested <= max) return { ok: true, days: requested };
  return {
    ok: false,
    reason:
      min === max
        ? `processingDays for procedure ${p.id} must be ${min}`
        : `processingDays for procedure ${p.id} must be from ${min} to ${max}`,
  };
}
