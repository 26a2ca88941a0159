import type { Channel, DocumentReceived } from '../../../../functions/domain/dossier/dossier.ts';

/** How a document was handed in (the receipt's column): bản chính, bản sao chứng thực, bản sao. */
export type DocumentForm = DocumentReceived['form'];
export const DOCUMENT_FORMS: readonly DocumentForm[] = ['original', 'certified_copy', 'copy'];
export const CHANNELS: readonly Channel[] = ['in_person', 'online', 'post'];

/** A row of the document checklist; catalogue rows have a fixed name and are ticked when received. */
export interface DocumentRow {
  readonly key: string;
  readonly name: string;
  readonly form: DocumentForm;
  /** As typed, so a cleared box stays empty while the clerk types. */
  readonly quantity: string;
  readonly received: boolean;
  readonly fromCatalogue: boolean;
}

export interface ApplicantDraft {
  readonly fullName: string;
  readonly idNumber: string;
  readonly phone: string;
  readonly email: string;
  readonly address: string;
}

/** The intake form as typed. */
export interface IntakeDraft {
  readonly procedureId: string;
  readonly channel: Channel;
  readonly applicant: ApplicantDraft;
  readonly documents: readonly DocumentRow[];
  readonly numberOfSets: string;
  /** Only asked when the catalogue does not know the procedure's processing time. */
  readonly processingDays: string;
  readonly reason: string;
}

export type ApplicantInput = keyof ApplicantDraft;

/**
 * An input of the form that can carry an error: a plain name, or `documents.<row key>.<part>`
 * for a checklist row (row keys survive rows being added and removed).
 */
export type InputKey =
  | 'procedureId'
  | 'channel'
  | 'documents'
  | 'numberOfSets'
  | 'processingDays'
  | 'reason'
  | ApplicantInput
  | `documents.${string}.${'name' | 'form' | 'quantity'}`;

/** What is wrong with an input, for the message shown next to it. */
export type Problem =
  | 'required'
  | 'idNumber'
  | 'phone'
  | 'email'
  | 'documentsNone'
  | 'quantity'
  | 'numberOfSets'
  | 'processingDays'
  | 'tooLong'
  /** The API refused it for a reason the form does not know: its words are shown with it. */
  | 'invalid';

export type Problems = Partial<Record<InputKey, Problem>>;

export const emptyApplicant: ApplicantDraft = {
  fullName: '',
  idNumber: '',
  phone: '',
  email: '',
  address: '',
};

let rowCounter = 0;
/** A fresh row key; only ever compared, never shown. */
export function newRowKey(): string {
  rowCounter += 1;
  return `r${rowCounter}`;
}

/** The checklist for a procedure: its catalogue documents, or one empty row to type in. */
export function documentRowsFor(requiredDocuments: readonly string[] | null | undefined): DocumentRow[] {
  const base = { form: 'original' as const, quantity: '1' };
  if (requiredDocuments?.length)
    return requiredDocuments.map((name) => ({
      ...base,
      key: newRowKey(),
      name,
      received: false,
      fromCatalogue: true,
    }));
  return [freeDocumentRow()];
}

export function freeDocumentRow(): DocumentRow {
  return {
    key: newRowKey(),
    name: '',
    form: 'original',
    quantity: '1',
    received: true,
    fromCatalogue: false,
  };
}

export function emptyDraft(): IntakeDraft {
  return {
    procedureId: '',
    channel: 'in_person',
    applicant: emptyApplicant,
    documents: [],
    numberOfSets: '1',
    processingDays: '',
    reason: '',
  };
}

// The API's own rules (functions/domain/dossier/dossier.ts), checked here first so the clerk
// hears about a typo before anything is sent.
const ID_NUMBER = /^[A-Za-z0-9]{6,20}$/;
const PHONE = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function wholeNumber(text: string, min: number, max: number): boolean {
  if (!/^\d{1,3}$/.test(text.trim())) return false;
  const n = Number(text);
  return n >= min && n <= max;
}

/** Rows the body carries: catalogue rows ticked as received, typed rows with anything in them. */
function sentRows(draft: IntakeDraft): DocumentRow[] {
  return draft.documents.filter((r) => (r.fromCatalogue ? r.received : r.name.trim() !== ''));
}

export interface ValidateOptions {
  readonly outcome: 'accepted' | 'refused';
  /** The catalogue does not know the processing time: the clerk must give it. */
  readonly needsProcessingDays: boolean;
}

/** What the clerk must fix before sending; empty when the draft can go. */
export function validateDraft(draft: IntakeDraft, options: ValidateOptions): Problems {
  const problems: Problems = {};
  const { applicant } = draft;
  if (!draft.procedureId) problems.procedureId = 'required';
  if (!applicant.fullName.trim()) problems.fullName = 'required';
  else if (applicant.fullName.trim().length > 200) problems.fullName = 'tooLong';
  if (applicant.idNumber.trim() && !ID_NUMBER.test(applicant.idNumber.trim())) problems.idNumber = 'idNumber';
  if (applicant.phone.trim() && !PHONE.test(applicant.phone.trim())) problems.phone = 'phone';
  if (applicant.email.trim() && !EMAIL.test(applicant.email.trim())) problems.email = 'email';
  if (applicant.address.trim().length > 500) problems.address = 'tooLong';
  for (const row of sentRows(draft)) {
    if (!wholeNumber(row.quantity, 1, 100)) problems[`documents.${row.key}.quantity`] = 'quantity';
  }
  if (options.outcome === 'accepted' && sentRows(draft).length === 0) problems.documents = 'documentsNone';
  if (!wholeNumber(draft.numberOfSets, 1, 20)) problems.numberOfSets = 'numberOfSets';
  if (options.needsProcessingDays && !wholeNumber(draft.processingDays, 0, 365))
    problems.processingDays = draft.processingDays.trim() ? 'processingDays' : 'required';
  if (options.outcome === 'refused' && !draft.reason.trim()) problems.reason = 'required';
  return problems;
}

/** The body of `POST /v1/wards/{wardId}/dossiers`. */
export interface IntakeBody {
  readonly procedureId: string;
  readonly channel: Channel;
  readonly applicant: Readonly<Record<string, string>>;
  readonly documents: readonly DocumentReceived[];
  readonly numberOfSets: number;
  readonly processingDays?: number;
  readonly outcome: 'accepted' | 'refused';
  readonly reason?: string;
}

/**
 * The body for a valid draft, and which checklist row each sent document came from, so an
 * error the API names as `documents.<index>.…` lands on the right row.
 */
export function intakeBody(
  draft: IntakeDraft,
  options: ValidateOptions,
): { body: IntakeBody; rowKeys: string[] } {
  const applicant: Record<string, string> = {};
  for (const [name, value] of Object.entries(draft.applicant)) {
    // The API takes an absent optional field, not an empty one.
    if (value.trim()) applicant[name] = value.trim();
  }
  const rows = sentRows(draft);
  const body: IntakeBody = {
    procedureId: draft.procedureId,
    channel: draft.channel,
    applicant,
    documents: rows.map((r) => ({ name: r.name.trim(), form: r.form, quantity: Number(r.quantity) })),
    numberOfSets: Number(draft.numberOfSets),
    ...(options.needsProcessingDays ? { processingDays: Number(draft.processingDays) } : {}),
    outcome: options.outcome,
    ...(options.outcome === 'refused' ? { reason: draft.reason.trim() } : {}),
  };
  return { body, rowKeys: rows.map((r) => r.key) };
}

const TOP_LEVEL: Readonly<Record<string, InputKey>> = {
  procedureId: 'procedureId',
  channel: 'channel',
  documents: 'documents',
  numberOfSets: 'numberOfSets',
  processingDays: 'processingDays',
  reason: 'reason',
  applicant: 'fullName',
};
const APPLICANT_INPUTS: readonly string[] = ['fullName', 'idNumber', 'phone', 'email', 'address'];

/** The input an API field path belongs to (`applicant.fullName` → `fullName`), if any. */
export function inputForApiField(field: string, rowKeys: readonly string[]): InputKey | undefined {
  const [head, second, third] = field.split('.');
  if (head === 'applicant' && second !== undefined)
    return APPLICANT_INPUTS.includes(second) ? (second as ApplicantInput) : 'fullName';
  if (head === 'documents' && second !== undefined) {
    const key = rowKeys[Number(second)];
    if (key === undefined) return 'documents';
    const part = third === 'form' || third === 'quantity' ? third : 'name';
    return `documents.${key}.${part}`;
  }
  return head === undefined ? undefined : TOP_LEVEL[head];
}

/**
 * Sorts the API's field errors onto the form's inputs; the first reason per input wins.
 * Those that belong to no input (a stray `(body)`) come back for a general message.
 */
export function mapApiFieldErrors(
  fields: readonly { readonly field: string; readonly reason: string }[],
  rowKeys: readonly string[],
): { byInput: Partial<Record<InputKey, string>>; unmatched: { field: string; reason: string }[] } {
  const byInput: Partial<Record<InputKey, string>> = {};
  const unmatched: { field: string; reason: string }[] = [];
  for (const f of fields) {
    const input = inputForApiField(f.field, rowKeys);
    if (!input) unmatched.push({ field: f.field, reason: f.reason });
    else byInput[input] ??= f.reason;
  }
  return { byInput, unmatched };
}

const RULE_OF: Partial<Record<string, Problem>> = {
  fullName: 'tooLong',
  address: 'tooLong',
  idNumber: 'idNumber',
  phone: 'phone',
  email: 'email',
  documents: 'documentsNone',
  quantity: 'quantity',
  numberOfSets: 'numberOfSets',
};

/** The Vietnamese message to show for the API's (English) reason on an input. */
export function problemFromApi(input: InputKey, reason: string): Problem {
  if (/^is required\b/.test(reason)) return 'required';
  const last = input.split('.').at(-1) ?? input;
  return RULE_OF[last] ?? 'invalid';
}

/** An instant as the API's `receivedAt` reads it: ISO-8601 in Đà Nẵng time (+07:00), to the second. */
export function localIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}
