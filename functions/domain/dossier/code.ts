import * as z from 'zod';
import { Ward } from '#domain/catalogue/units';
import { isLocalDate, type LocalDate } from '#domain/time';

/**
 * Dossier code of Circular 01/2018 art. 19: `<agency code>-YYMMDD-XXXX`, the receiving unit's
 * code, the local receipt date and a sequence within that unit and day starting at 0001.
 */
const CODE = /^([^-]+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;
const MAX_SEQUENCE = 9999;

// The agency code format is owned by the unit configuration; reuse it rather than copy it.
const AgencyCode = Ward.shape.agencyCode;

export interface ParsedDossierCode {
  agencyCode: string;
  date: LocalDate;
  sequence: number;
}

/** `YYMMDD` of a local date; RangeError outside 2000–2099, where two digits would be ambiguous. */
export function dayKey(localDate: LocalDate): string {
  if (!isLocalDate(localDate)) throw new RangeError(`not a local date: ${localDate}`);
  if (!localDate.startsWith('20')) throw new RangeError(`dossier codes cover 2000–2099 only: ${localDate}`);
  return localDate.slice(2).replaceAll('-', '');
}

/** Builds a dossier code; RangeError for a malformed agency code or date, or a sequence outside 1–9999. */
export function formatDossierCode(agencyCode: string, localDate: LocalDate, sequence: number): string {
  if (!AgencyCode.safeParse(agencyCode).success) throw new RangeError(`not an agency code: ${agencyCode}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE)
    throw new RangeError(`dossier sequence must be 1–${MAX_SEQUENCE}: ${sequence}`);
  return `${agencyCode}-${dayKey(localDate)}-${String(sequence).padStart(4, '0')}`;
}

/** Splits a dossier code into its parts; undefined for anything malformed, including impossible dates. */
export function parseDossierCode(code: string): ParsedDossierCode | undefined {
  if (typeof code !== 'string') return undefined;
  const m = CODE.exec(code);
  if (!m) return undefined;
  const [, agencyCode = '', yy, mm, dd, seq] = m;
  const date = `20${yy}-${mm}-${dd}`;
  const sequence = Number(seq);
  if (!AgencyCode.safeParse(agencyCode).success || !isLocalDate(date) || sequence < 1) return undefined;
  return { agencyCode, date, sequence };
}

/** A string that is a well-formed dossier code. */
export const DossierCode = z
  .string()
  .refine((s) => parseDossierCode(s) !== undefined, { message: 'expected <agency code>-YYMMDD-XXXX' });
export type DossierCode = z.infer<typeof DossierCode>;
