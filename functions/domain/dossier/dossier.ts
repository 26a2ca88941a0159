import * as z from 'zod';
import { Role } from '../auth/principal.ts';
import { StepOutcome } from '../calendar/due-date.ts';
import { isIsoInstant, isLocalDate } from '../time.ts';
import { DossierAction, RecordAction } from './actions.ts';
import { DossierStatus } from './status.ts';

const IsoInstant = z.string().refine(isIsoInstant, 'must be an ISO-8601 date-time with offset');
const LocalDateString = z.string().refine(isLocalDate, 'must be a date YYYY-MM-DD');

export const Channel = z.enum(['in_person', 'online', 'post']);
export type Channel = z.infer<typeof Channel>;

/** The person or organisation filing the dossier. Personal data: never logged, never public. */
export const Applicant = z.object({
  fullName: z.string().trim().min(1, 'is required').max(200),
  idNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,20}$/, 'must be 6–20 letters or digits (CCCD, CMND or passport number)')
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 .-]{6,18}[0-9]$/, 'must be a phone number of 8–20 digits')
    .optional(),
  email: z.email('must be an e-mail address').max(254).optional(),
  address: z.string().trim().min(1).max(500).optional(),
});
export type Applicant = z.infer<typeof Applicant>;

/** A document handed in at the counter (a row of the receipt's table, form 01). */
export const DocumentReceived = z.object({
  name: z.string().trim().min(1, 'is required').max(300),
  form: z.enum(['original', 'certified_copy', 'copy']),
  quantity: z.number().int().min(1).max(100),
});
export type DocumentReceived = z.infer<typeof DocumentReceived>;

/** One row of the process-control slip (form 06): a hand-off with the step's outcome. */
export const HistoryEntry = z.object({
  seq: z.number().int().min(1),
  action: z.union([DossierAction, z.enum(['receive', 'refuse']), RecordAction]),
  from: DossierStatus.nullable(),
  to: DossierStatus,
  actor: z.object({ userId: z.string(), role: Role }),
  /** Who the dossier goes to next: an assignee's user id or a role. */
  handoffTo: z.string().optional(),
  at: IsoInstant,
  outcome: StepOutcome,
  /** The dossier's due time after this step (pauses move it). */
  dueAt: IsoInstant,
  reason: z.string().optional(),
  note: z.string().optional(),
  /** The scan this row attached (`attach_document`). */
  documentId: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** A dossier as stored and returned to staff. `version` increases by one with every change. */
export const Dossier = z.object({
  code: z.string(),
  wardId: z.string(),
  districtId: z.string(),
  procedureId: z.string(),
  fieldId: z.string(),
  channel: Channel,
  applicant: Applicant,
  documents: z.array(DocumentReceived),
  numberOfSets: z.number().int().min(1),
  receivedAt: IsoInstant,
  receivedBy: z.string(),
  countedFrom: LocalDateString,
  processingDays: z.number().int().min(0),
  dueAt: IsoInstant,
  status: DossierStatus,
  nationalStatus: z.number().int().min(1).max(10),
  assignee: z.string().optional(),
  /** While paused: the state to resume and when the clock stopped. */
  pausedFrom: DossierStatus.optional(),
  pausedAt: IsoInstant.optional(),
  pausedWorkingDays: z.number().int().min(0),
  /** Set once, when the dossier first reaches a finished state (one-stop-rules §5). */
  finishedAt: IsoInstant.optional(),
  outcome: StepOutcome.optional(),
  /**
   * Set once, when the dossier first enters a closed state (refused, returned, withdrawn,
   * stopped): a stable close time, since `updatedAt` still moves with later record actions.
   */
  closedAt: IsoInstant.optional(),
  /** The reason of the latest refusal, supplement request, rejection, withdrawal or stop. */
  reason: z.string().optional(),
  lookupKeyHash: z.string(),
  /** Scans attached so far; counted in the same transaction that attaches one. */
  documentCount: z.number().int().min(0).optional(),
  version: z.number().int().min(1),
  updatedAt: IsoInstant,
});
export type Dossier = z.infer<typeof Dossier>;
