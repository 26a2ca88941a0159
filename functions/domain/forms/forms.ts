import { apologyForm } from './apology.ts';
import type { FormInput } from './common.ts';
import { controlSlipForm } from './control-slip.ts';
import type { FormDocument, FormId } from './layout.ts';
import { receiptForm } from './receipt.ts';
import { refusalForm } from './refusal.ts';
import { supplementRequestForm } from './supplement-request.ts';

const BUILDERS = {
  '01': receiptForm,
  '02': supplementRequestForm,
  '03': refusalForm,
  '04': apologyForm,
  '06': controlSlipForm,
} as const satisfies Record<FormId, (input: FormInput) => FormDocument>;

/**
 * What a form says for this dossier. Check formApplies first: a builder assumes its form applies.
 * All text comes out in NFC: a name typed with combining marks prints, reads back and
 * compares like the same name typed precomposed.
 */
export function buildForm(form: FormId, input: FormInput): FormDocument {
  const built = BUILDERS[form](input);
  return JSON.parse(JSON.stringify(built), (_, v) => (typeof v === 'string' ? v.normalize('NFC') : v));
}
