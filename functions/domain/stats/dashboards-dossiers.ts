import type { Ward } from '../catalogue/units.ts';
import { type Bucket, placeOf, type SeriesPlan } from './dashboards-periods.ts';
import { childKeyOf, childrenOf } from './dashboards-scope.ts';
import type { DossierCounts } from './dossier-counters.ts';
import type { DossierStatsItem } from './report-06a.ts';
import type { ReportScope } from './report-scope.ts';

/** The sums a dossier dashboard works from (one-stop-rules §5 and §7, dossier-counters.ts). */
interface Sums {
  received: number;
  resolved: number;
  /** Resolved early or on time. */
  inTime: number;
  closed: number;
  /** due − dueClosedInTime − closedAfterDue: summed up to a day, the dossiers overdue at its end. */
  overdueMoves: number;
}

const zero = (): Sums => ({ received: 0, resolved: 0, inTime: 0, closed: 0, overdueMoves: 0 });

function add(into: Sums, c: DossierCounts): void {
  const n = (k: keyof DossierCounts) => c[k] ?? 0;
  into.received += n('receivedOnline') + n('receivedInPerson');
  into.resolved += n('resolvedEarly') + n('resolvedOnTime') + n('resolvedLate');
  into.inTime += n('resolvedEarly') + n('resolvedOnTime');
  into.closed += n('closed');
  into.overdueMoves += n('due') - n('dueClosedInTime') - n('closedAfterDue');
}

/** Share of resolved dossiers resolved early or on time, 0–1 (3 decimals); null when none was resolved. */
export function onTimeRate(inTime: number, resolved: number): number | null {
  return resolved > 0 ? Math.round((inTime / resolved) * 1000) / 1000 : null;
}

export interface DossierSeriesPoint extends Bucket {
  readonly received: number;
  readonly resolved: number;
  readonly onTimeRate: number | null;
  /** Dossiers pending at the end of the period. */
  readonly backlog: number;
  /** Of those, past their due time at the end of the period. */
  readonly overdue: number;
}

export interface DossierFigures {
  readonly received: number;
  readonly resolved: number;
  readonly onTimeRate: number | null;
  readonly backlog: number;
  readonly overdue: number;
}

export interface DossierBreakdownRow extends DossierFigures {
  readonly key: string;
  readonly name: string;
}

export interface WardRanking {
  readonly wardId: string;
  readonly name: string;
  readonly districtId: string;
  readonly resolved: number;
  readonly onTimeRate: number | null;
}

/** One dossier of a ward's overdue list on the dashboard. */
export interface OverdueEntry {
  readonly code: string;
  readonly wardId: string;
  readonly procedureId: string;
  readonly procedureName: string;
  readonly status: string;
  readonly dueAt: string;
  readonly link: string;
}

export interface DossierDashboard {
  readonly totals: DossierFigures;
  readonly series: DossierSeriesPoint[];
  readonly breakdown: DossierBreakdownRow[];
  readonly ranking: WardRanking[];
}

/**
 * The dossier dashboard of a scope from its wards' stats items read by `plan` (with `before`):
 * per bucket what came in and was resolved, and the backlog and overdue at its end (running sums
 * from the first day on); per child unit and per ward the same over the whole range.
 */
export function dossierDashboard(
  items: Iterable<DossierStatsItem>,
  plan: SeriesPlan,
  scope: ReportScope,
  wards: readonly Ward[],
): DossierDashboard {
  const before = zero();
  const buckets = plan.buckets.map(zero);
  const children = new Map<string, { before: Sums; during: Sums }>();
  const perWard = new Map<string, Sums>();
  for (const item of items) {
    const place = placeOf(plan, item.grain, item.period);
    if (place === undefined) continue;
    const child = childKeyOf(scope, item.wardId, item.fieldId);
    const sums = children.get(child) ?? { before: zero(), during: zero() };
    children.set(child, sums);
    if (place === 'before') {
      add(before, item.counts);
      add(sums.before, item.counts);
      continue;
    }
    add(buckets[place] as Sums, item.counts);
    add(sums.during, item.counts);
    const ward = perWard.get(item.wardId) ?? zero();
    add(ward, item.counts);
    perWard.set(item.wardId, ward);
  }
  const running = { ...before };
  const series = plan.buckets.map((bucket, i) => {
    const s = buckets[i] as Sums;
    running.received += s.received;
    running.closed += s.closed;
    running.overdueMoves += s.overdueMoves;
    return { ...bucket, ...figures(s, running) };
  });
  const during = zero();
  for (const s of buckets) for (const k of Object.keys(during) as (keyof Sums)[]) during[k] += s[k];
  const breakdown = childrenOf(scope).map(({ key, name }) => {
    const sums = children.get(key) ?? { before: zero(), during: zero() };
    return { key, name, ...figures(sums.during, plus(sums.before, sums.during)) };
  });
  return { totals: figures(during, running), series, breakdown, ranking: rankWards(wards, perWard) };
}

/** Figures of a period from its sums and the running sums up to its end. */
function figures(period: Sums, upToEnd: Sums): DossierFigures {
  return {
    received: period.received,
    resolved: period.resolved,
    onTimeRate: onTimeRate(period.inTime, period.resolved),
    backlog: upToEnd.received - upToEnd.closed,
    overdue: upToEnd.overdueMoves,
  };
}

function plus(a: Sums, b: Sums): Sums {
  const out = zero();
  for (const k of Object.keys(out) as (keyof Sums)[]) out[k] = a[k] + b[k];
  return out;
}

/** Wards by on-time rate, best first; wards that resolved nothing last; ties by volume, then name. */
function rankWards(wards: readonly Ward[], sums: ReadonlyMap<string, Sums>): WardRanking[] {
  return wards
    .map((w) => {
      const s = sums.get(w.id) ?? zero();
      return {
        wardId: w.id,
        name: w.name,
        districtId: w.districtId,
        resolved: s.resolved,
        onTimeRate: onTimeRate(s.inTime, s.resolved),
      };
    })
    .sort(
      (a, b) =>
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        b.resolved - a.resolved ||
        a.name.localeCompare(b.name, 'vi'),
    );
}
