/**
 * The pre-aggregated dossier statistics behind report II.06a and the dashboards
 * (one-stop-rules §5 and §7). Every counter is a sum over dossiers, kept per ward × field ×
 * procedure × local day, and rolled up per month and per year, so a report over any period
 * reads a number of items that depends on wards × days (or months, years), never on dossiers.
 *
 * Each counter is keyed by the local day (Asia/Ho_Chi_Minh) of one moment of a dossier:
 * - `receivedOnline`, `receivedInPerson`: the day it was received (`receivedAt`; post counts as
 *   in person).
 * - `resolvedEarly`, `resolvedOnTime`, `resolvedLate`: the day it was finished (`finishedAt`,
 *   with its `outcome`), for every finished state but an intake refusal.
 * - `refused`: the day of an intake refusal (status `refused`).
 * - `withdrawn`: the day the citizen withdrew it.
 * - `closed`: the day of any of the three above: the dossier stops being pending then.
 * - `due`: the day it is due (`dueAt`, as the dossier now stands).
 * - `dueClosedInTime`: the due day of a dossier closed at or before its due time.
 * - `closedAfterDue`: the close day of a dossier closed after its due time.
 *
 * From these, for a period [from, to] (both local days, inclusive):
 * - carried over = Σ_{d<from} (receivedOnline + receivedInPerson − closed)
 * - pending at the end = carried over + received in the period − closed in the period
 * - overdue at the end = Σ_{d≤to} due − Σ_{d≤to} dueClosedInTime − Σ_{d≤to} closedAfterDue
 *   (a dossier pending at the end of the period is overdue unless it is due after it)
 * - within deadline = pending − overdue
 */
export const DOSSIER_COUNTERS = [
  'receivedOnline',
  'receivedInPerson',
  'resolvedEarly',
  'resolvedOnTime',
  'resolvedLate',
  'refused',
  'withdrawn',
  'closed',
  'due',
  'dueClosedInTime',
  'closedAfterDue',
] as const;
export type DossierCounter = (typeof DOSSIER_COUNTERS)[number];

/** Counter values; a missing counter is 0. */
export type DossierCounts = Partial<Record<DossierCounter, number>>;

/** How finely a stats item counts: a local day, a month or a year. */
export type StatsGrain = 'D' | 'M' | 'Y';
