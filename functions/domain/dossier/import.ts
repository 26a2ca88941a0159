import * as z from 'zod';
import type { Principal, Role } from '../auth/principal.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { findProcedure } from '../catalogue/procedures.ts';
import { findWard, type Ward } from '../catalogue/units.ts';
import { DomainError } from '../errors.ts';
import { isIsoInstant, type LocalDate, localDateOf, parseInstant } from '../time.ts';
import { ACTION_LABEL, ACTION_RULES, DossierAction, type IntakeAction } from './actions.ts';
import { dayKey } from './code.ts';
import { Applicant, Channel, DocumentReceived, type Dossier, type HistoryEntry } from './dossier.ts';
import { type IntakeContext, type IntakeRequest, planIntake, receiveDossier } from './intake.ts';
import { applyAction } from './lifecycle.ts';

/**
 * Historical import (`POST /v1/import/dossiers`): one dossier of an older system per NDJSON line,
 * replayed through the same intake and lifecycle rules as a live dossier, with the row's own
 * timestamps, so its due date, pauses and outcome are what they would have been live.
 */

/**
 * Most actions in one row. A row is written as one DynamoDB transaction (at most 100 items): the
 * code counter, the dossier, its intake row, one history row per action and the import marker.
 */
export const MAX_IMPORT_ACTIONS = 96;

const IsoInstant = z.string().refine(isIsoInstant, 'must be an ISO-8601 date-time with offset');

/** One step of a dossier's past, named as in the live action API. */
export const ImportAction = z
  .object({
    action: DossierAction,
    at: IsoInstant,
    /** For `route`: the user it went to, e.g. `specialist.<wardId>`. */
    assignee: z.string().trim().min(1).max(128).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .superRefine((step, ctx) => {
    const rule = ACTION_RULES[step.action];
    if (rule.needsReason && !step.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `is required for ${step.action}` });
    if (rule.needsAssignee && !step.assignee)
      ctx.addIssue({ code: 'custom', path: ['assignee'], message: `is required for ${step.action}` });
  });
export type ImportAction = z.infer<typeof ImportAction>;

/**
 * One line of an import file. Besides the fields of a live intake:
 * - `sourceId`: the dossier's id in the older system; importing it again changes nothing, so it
 *   must be unique across the data imported for the city.
 * - `documents` may be empty even for an accepted dossier: older systems seldom kept the
 *   receipt's table of documents, and the dossier was accepted back then all the same.
 * - `outcome: "refused"` with a `reason` records a refusal at reception (form 03); such a row
 *   has no actions, since nothing happens to a refused dossier.
 * - `actions` in time order, none before `receivedAt` and none in the future.
 */
export const ImportRow = z
  .object({
    sourceId: z
      .string()
      .min(1, 'is required')
      .max(128)
      .refine((s) => s.trim() === s, 'must not start or end with spaces'),
    wardId: z.string().min(1, 'is required').max(64),
    procedureId: z.string().trim().min(1, 'is required').max(50),
    channel: Channel,
    applicant: Applicant,
    documents: z.array(DocumentReceived).max(100, 'at most 100 documents').default([]),
    numberOfSets: z.number().int().min(1).max(20).default(1),
    /** As at live intake: when the catalogue does not know the processing days, or within an extension. */
    processingDays: z.number().int().min(0).max(365).optional(),
    receivedAt: IsoInstant,
    outcome: z.enum(['accepted', 'refused']).default('accepted'),
    reason: z.string().trim().min(1).max(2000).optional(),
    actions: z
      .array(ImportAction)
      .max(MAX_IMPORT_ACTIONS, `at most ${MAX_IMPORT_ACTIONS} actions (one transaction per dossier)`)
      .default([]),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.outcome === 'refused' && !row.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required when the outcome is refused' });
    if (row.outcome === 'refused' && row.actions.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['actions'],
        message: 'must be empty when the outcome is refused',
      });
  });
export type ImportRow = z.infer<typeof ImportRow>;

/** What one line came to: a value, or why it cannot be imported. */
export type ImportOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/** Parses one line of an import file; never throws. */
export function parseImportLine(line: string): ImportOutcome<ImportRow> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = ImportRow.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: parsed.error.issues.map(describeIssue).join('; ') };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(row)';
  if (issue.code === 'unrecognized_keys') return `${path}: has unknown field(s): ${issue.keys.join(', ')}`;
  const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
  return `${path}: ${missing ? 'is required' : issue.message}`;
}

export interface ReplayContext {
  readonly calendar: WorkingCalendar;
  /** The time of the import: nothing in a row may be later. */
  readonly now: Date;
}

/** A dossier as the replay leaves it; its code and lookup key come when it is written. */
export type UncodedDossier = Omit<Dossier, 'code' | 'lookupKeyHash'>;

export interface ReplayedImport {
  readonly sourceId: string;
  readonly ward: Ward;
  /** The local date of receipt: the date in the dossier code. */
  readonly receiptDate: LocalDate;
  readonly dossier: UncodedDossier;
  /** The form 06 rows, intake first. */
  readonly history: readonly HistoryEntry[];
}

// receiveDossier wants ids; the real ones exist only once the write allocates the code.
const PROVISIONAL_IDS = { code: '', lookupKeyHash: '' };

/**
 * Replays a row: the intake at `receivedAt`, then each action at its own `at`, through
 * planIntake/receiveDossier and applyAction with the working calendar, so due dates, pauses and
 * outcomes follow the live rules. Each step is taken by a user of the ward holding the first role
 * the rules allow for it: `clerk.<wardId>` at intake, `<role>.<wardId>` after, or the assignee
 * for a specialist's step on a routed dossier (the rules keep those to the assigned specialist).
 * Every history row notes that it was imported and from which `sourceId`. Never throws.
 */
export function replayImport(row: ImportRow, ctx: ReplayContext): ImportOutcome<ReplayedImport> {
  const ward = findWard(row.wardId);
  if (!ward) return fail(`wardId: unknown ward '${row.wardId}'`);
  const procedure = findProcedure(row.procedureId);
  if (!procedure) return fail(`procedureId: unknown procedure '${row.procedureId}'`);
  const timing = checkTimeline(row, ctx.now);
  if (!timing.ok) return timing;

  const receivedAt = parseInstant(row.receivedAt);
  const note = (action: DossierAction | IntakeAction) =>
    `${ACTION_LABEL[action]} (nhập từ dữ liệu lịch sử, mã nguồn ${row.sourceId})`;
  let step = 'receivedAt';
  try {
    const receiptDate = localDateOf(receivedAt);
    dayKey(receiptDate); // dossier codes cover 2000–2099 only
    const request: IntakeRequest = {
      procedureId: procedure.id,
      channel: row.channel,
      applicant: row.applicant,
      documents: row.documents,
      numberOfSets: row.numberOfSets,
      processingDays: row.processingDays,
      outcome: row.outcome,
      reason: row.reason,
    };
    const intake: IntakeContext = {
      principal: wardUser('clerk', ward),
      now: receivedAt,
      calendar: ctx.calendar,
      ward,
      procedure,
    };
    const received = receiveDossier(request, intake, planIntake(request, intake), PROVISIONAL_IDS);
    let dossier: Dossier = received.dossier;
    const history: HistoryEntry[] = [
      { ...received.entry, note: note(received.entry.action as IntakeAction) },
    ];
    for (const [i, action] of row.actions.entries()) {
      step = `actions.${i} (${action.action})`;
      const change = applyAction(
        dossier,
        {
          action: action.action,
          reason: action.reason,
          assignee: action.assignee,
          note: note(action.action),
        },
        {
          principal: actorFor(dossier, action.action, ward),
          now: parseInstant(action.at),
          calendar: ctx.calendar,
        },
      );
      dossier = change.dossier;
      history.push(change.entry);
    }
    const { code: _code, lookupKeyHash: _hash, ...uncoded } = dossier;
    return { ok: true, value: { sourceId: row.sourceId, ward, receiptDate, dossier: uncoded, history } };
  } catch (error) {
    if (error instanceof DomainError || error instanceof RangeError) return fail(`${step}: ${error.message}`);
    throw error;
  }
}

/** The dossier with the code and lookup key hash it is written under. */
export function withCode(replayed: ReplayedImport, ids: { code: string; lookupKeyHash: string }): Dossier {
  return { ...replayed.dossier, ...ids };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Steps in time order, none in the future (the import happens now). */
function checkTimeline(row: ImportRow, now: Date): ImportOutcome<true> {
  let previous = { at: parseInstant(row.receivedAt), name: 'receivedAt', text: row.receivedAt };
  if (previous.at.getTime() > now.getTime()) return fail(`receivedAt: ${row.receivedAt} is in the future`);
  for (const [i, action] of row.actions.entries()) {
    const at = parseInstant(action.at);
    const name = `actions.${i}.at`;
    if (at.getTime() < previous.at.getTime())
      return fail(`${name}: ${action.at} is before ${previous.name} (${previous.text})`);
    if (at.getTime() > now.getTime()) return fail(`${name}: ${action.at} is in the future`);
    previous = { at, name, text: action.at };
  }
  return { ok: true, value: true };
}

/** A user of the ward in one role, named like the ward's staff accounts. */
function wardUser(role: Role, ward: Ward, userId = `${role}.${ward.id}`): Principal {
  return { userId, roles: [role], wardId: ward.id, districtId: ward.districtId };
}

function actorFor(dossier: Dossier, action: DossierAction, ward: Ward): Principal {
  const role = ACTION_RULES[action].roles[0];
  if (role === 'specialist' && dossier.assignee) return wardUser(role, ward, dossier.assignee);
  return wardUser(role, ward);
}
