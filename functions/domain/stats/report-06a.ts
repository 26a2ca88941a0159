import {
  DOSSIER_COUNTERS,
  type DossierCounter,
  type DossierCounts,
  type StatsGrain,
} from './dossier-counters.ts';
import { coverPeriods, type PeriodRange, rangeHolds } from './period-cover.ts';
import { findWard, type ReportScope, type ReportUnits, wardsInScope } from './report-scope.ts';

/** One pre-aggregated stats item: the counters of one ward × field × procedure over one period. */
export interface DossierStatsItem {
  readonly wardId: string;
  readonly fieldId: string;
  readonly procedureId: string;
  readonly grain: StatsGrain;
  readonly period: string;
  readonly counts: DossierCounts;
}

/** How the rows of report II.06a break the scope down. */
export type ReportBy = 'unit' | 'field' | 'procedure';

/** The figures of one row of report II.06a (one-stop-rules §5 and §7). */
export interface Report06aFigures {
  readonly received: {
    readonly total: number;
    readonly inPeriod: { readonly online: number; readonly inPerson: number };
    readonly carriedOver: number;
  };
  readonly resolved: {
    readonly total: number;
    readonly early: number;
    readonly onTime: number;
    readonly late: number;
  };
  readonly pending: { readonly total: number; readonly withinDeadline: number; readonly overdue: number };
  readonly refused: number;
  readonly withdrawn: number;
}

export interface Report06aRow extends Report06aFigures {
  /** The unit, field or procedure id. */
  readonly key: string;
  /** Its Vietnamese name. */
  readonly name: string;
}

export interface Report06a {
  readonly rows: Report06aRow[];
  readonly totals: Report06aFigures;
}

/** Fields and procedures by id and Vietnamese name. */
export interface ReportCatalogue {
  readonly fields: readonly { readonly id: string; readonly name: string }[];
  readonly procedures: readonly { readonly id: string; readonly name: string }[];
}

export interface Report06aOptions {
  readonly by: ReportBy;
  readonly scope: ReportScope;
  /** Local days `YYYY-MM-DD`, both inclusive. */
  readonly from: string;
  readonly to: string;
  readonly units: ReportUnits;
  readonly catalogue: ReportCatalogue;
}

type Sums = Record<DossierCounter, number>;

/** Counter sums of a row: over the days before the period, and over the period itself. */
interface Bucket {
  readonly before: Sums;
  readonly during: Sums;
}

const zero = (): Sums => Object.fromEntries(DOSSIER_COUNTERS.map((c) => [c, 0])) as Sums;
const newBucket = (): Bucket => ({ before: zero(), during: zero() });

function add(into: Sums, counts: DossierCounts): void {
  for (const c of DOSSIER_COUNTERS) into[c] += counts[c] ?? 0;
}

/**
 * Report II.06a over [from, to] from the stats items (functions/domain/stats/dossier-counters.ts
 * has the meaning of each counter). Items outside the scope or the period's cover are ignored, so
 * a reader may hand over more than it needs. Throws a plain Error if the figures do not reconcile:
 * that is a defect, never bad input.
 */
export function report06a(items: Iterable<DossierStatsItem>, options: Report06aOptions): Report06a {
  const cover = coverPeriods(options.from, options.to);
  const wards = new Set(wardsInScope(options.scope, options.units).map((w) => w.id));
  const rowKeyOf = rowKeyFor(options);
  const buckets = new Map<string, Bucket>();
  const all = newBucket();
  for (const item of items) {
    if (!wards.has(item.wardId)) continue;
    const when = placeOf(item, cover.before, cover.inPeriod);
    if (!when) continue;
    const key = rowKeyOf(item);
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = newBucket();
      buckets.set(key, bucket);
    }
    add(bucket[when], item.counts);
    add(all[when], item.counts);
  }
  const rows = rowsOf(options, buckets);
  const totals = figuresOf(all);
  assertReconciles(rows, totals);
  return { rows, totals };
}

function placeOf(
  item: DossierStatsItem,
  before: readonly PeriodRange[],
  during: readonly PeriodRange[],
): keyof Bucket | undefined {
  if (before.some((r) => rangeHolds(r, item.grain, item.period))) return 'before';
  if (during.some((r) => rangeHolds(r, item.grain, item.period))) return 'during';
  return undefined;
}

function rowKeyFor({ by, scope, units }: Report06aOptions): (item: DossierStatsItem) => string {
  if (by === 'field') return (item) => item.fieldId;
  if (by === 'procedure') return (item) => item.procedureId;
  if (scope.kind === 'city') return (item) => findWard(units, item.wardId)?.districtId ?? item.wardId;
  return (item) => item.wardId;
}

/** Rows in the order of the official form: units as listed, every one; fields and procedures by code, non-zero only. */
function rowsOf(options: Report06aOptions, buckets: Map<string, Bucket>): Report06aRow[] {
  const row = (key: string, name: string): Report06aRow => ({
    key,
    name,
    ...figuresOf(buckets.get(key) ?? newBucket()),
  });
  const { by, scope, units, catalogue } = options;
  if (by === 'unit') {
    // A city breaks into its districts, a district into its wards, a ward into itself.
    const list = scope.kind === 'city' ? units.districts : wardsInScope(scope, units);
    return list.map((u) => row(u.id, u.name));
  }
  const names = new Map(
    (by === 'field' ? catalogue.fields : catalogue.procedures).map((e) => [e.id, e.name]),
  );
  return [...buckets.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => row(key, names.get(key) ?? key))
    .filter((r) => !isZero(r));
}

/** The formulas of dossier-counters.ts: carried over from the days before, the rest from the period. */
export function figuresOf({ before, during }: Bucket): Report06aFigures {
  const carriedOver = before.receivedOnline + before.receivedInPerson - before.closed;
  const online = during.receivedOnline;
  const inPerson = during.receivedInPerson;
  const early = during.resolvedEarly;
  const onTime = during.resolvedOnTime;
  const late = during.resolvedLate;
  const resolved = early + onTime + late;
  const pending = carriedOver + online + inPerson - resolved - during.refused - during.withdrawn;
  const through = (c: DossierCounter) => before[c] + during[c];
  const overdue = through('due') - through('dueClosedInTime') - through('closedAfterDue');
  return {
    received: { total: online + inPerson + carriedOver, inPeriod: { online, inPerson }, carriedOver },
    resolved: { total: resolved, early, onTime, late },
    pending: { total: pending, withinDeadline: pending - overdue, overdue },
    refused: during.refused,
    withdrawn: during.withdrawn,
  };
}

/** The figures as a flat list, in the column order of the official form. */
export function figureColumns(f: Report06aFigures): number[] {
  return [
    f.received.total,
    f.received.inPeriod.online,
    f.received.inPeriod.inPerson,
    f.received.carriedOver,
    f.resolved.total,
    f.resolved.early,
    f.resolved.onTime,
    f.resolved.late,
    f.pending.total,
    f.pending.withinDeadline,
    f.pending.overdue,
    f.refused,
    f.withdrawn,
  ];
}

function isZero(f: Report06aFigures): boolean {
  return figureColumns(f).every((n) => n === 0);
}

/** True when received = resolved + pending + refused + withdrawn, and each total is the sum of its parts. */
export function reconciles(f: Report06aFigures): boolean {
  return (
    f.received.total === f.received.inPeriod.online + f.received.inPeriod.inPerson + f.received.carriedOver &&
    f.resolved.total === f.resolved.early + f.resolved.onTime + f.resolved.late &&
    f.pending.total === f.pending.withinDeadline + f.pending.overdue &&
    f.received.total === f.resolved.total + f.pending.total + f.refused + f.withdrawn
  );
}

function assertReconciles(rows: readonly Report06aRow[], totals: Report06aFigures): void {
  const bad = rows.find((r) => !reconciles(r));
  if (bad) throw new Error(`report II.06a: row ${bad.key} does not reconcile`);
  if (!reconciles(totals)) throw new Error('report II.06a: the totals do not reconcile');
  const sums = rows.reduce(
    (acc, r) => acc.map((n, i) => n + (figureColumns(r)[i] ?? 0)),
    figureColumns(totals).map(() => 0),
  );
  if (sums.some((n, i) => n !== figureColumns(totals)[i]))
    throw new Error('report II.06a: the totals are not the sums of the rows');
}
