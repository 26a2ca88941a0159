import { stepOutcome } from '../calendar/due-date.ts';
import type { Dossier } from '../dossier/dossier.ts';
import { isFinished } from '../dossier/status.ts';
import { type LocalDate, localDateOf, parseInstant } from '../time.ts';
import { DOSSIER_COUNTERS, type DossierCounter, type DossierCounts } from './dossier-counters.ts';

/** What one dossier adds to the counters of one local day. */
export interface DayContribution {
  readonly day: LocalDate;
  readonly counts: DossierCounts;
}

/** The statistics item a counter change lands in (before the month and year roll-ups). */
export interface StatsCell {
  readonly wardId: string;
  readonly districtId: string;
  readonly fieldId: string;
  readonly procedureId: string;
  readonly day: LocalDate;
}

/** A signed change of the counters of one ward × field × procedure × local day. */
export interface DossierDelta extends StatsCell {
  readonly counts: DossierCounts;
}

/** How and when a dossier stopped being pending (dossier-counters.ts: `closed`). */
interface Close {
  readonly at: string;
  readonly counter: Extract<
    DossierCounter,
    'refused' | 'withdrawn' | 'resolvedEarly' | 'resolvedOnTime' | 'resolvedLate'
  >;
}

const RESOLVED = {
  early: 'resolvedEarly',
  on_time: 'resolvedOnTime',
  late: 'resolvedLate',
} as const;

const dayOf = (instant: string): LocalDate => localDateOf(parseInstant(instant));

function closeOf(dossier: Dossier): Close | undefined {
  if (dossier.status === 'refused') {
    return { at: dossier.finishedAt ?? dossier.closedAt ?? dossier.receivedAt, counter: 'refused' };
  }
  if (isFinished(dossier.status)) {
    // finishedAt is set on entering any finished state; the fallbacks only cover malformed rows.
    const at = dossier.finishedAt ?? dossier.closedAt ?? dossier.updatedAt;
    return { at, counter: RESOLVED[dossier.outcome ?? stepOutcome(parseInstant(at), dossier.dueAt)] };
  }
  if (dossier.status === 'withdrawn') {
    // Dossiers withdrawn before closedAt existed have only their last change time.
    return { at: dossier.closedAt ?? dossier.updatedAt, counter: 'withdrawn' };
  }
  return undefined;
}

/**
 * The counters a dossier, as it stands, adds per local day (Asia/Ho_Chi_Minh), following the
 * meanings of functions/domain/stats/dossier-counters.ts; ordered by day, one entry a day.
 */
export function dossierContribution(dossier: Dossier): DayContribution[] {
  const byDay = new Map<LocalDate, Record<string, number>>();
  const add = (day: LocalDate, counter: DossierCounter) => {
    const counts = byDay.get(day) ?? {};
    counts[counter] = (counts[counter] ?? 0) + 1;
    byDay.set(day, counts);
  };
  add(dayOf(dossier.receivedAt), dossier.channel === 'online' ? 'receivedOnline' : 'receivedInPerson');
  const dueDay = dayOf(dossier.dueAt);
  add(dueDay, 'due');
  const close = closeOf(dossier);
  if (close) {
    const closeDay = dayOf(close.at);
    add(closeDay, 'closed');
    add(closeDay, close.counter);
    if (parseInstant(close.at).getTime() <= parseInstant(dossier.dueAt).getTime())
      add(dueDay, 'dueClosedInTime');
    else add(closeDay, 'closedAfterDue');
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, counts]) => ({ day, counts }));
}

const cellKey = (c: StatsCell) => [c.wardId, c.districtId, c.fieldId, c.procedureId, c.day].join('\u0000');

/**
 * The signed per-day counter changes from `old` to `next` (new − old; either may be absent, for
 * an insert or a removal), tagged with each side's ward, district, field and procedure. Zero
 * counters and cells left with no change are dropped, so an unchanged contribution yields `[]`.
 */
export function dossierDelta(old: Dossier | undefined, next: Dossier | undefined): DossierDelta[] {
  const cells = new Map<string, { cell: StatsCell; counts: Record<string, number> }>();
  const fold = (dossier: Dossier | undefined, sign: 1 | -1) => {
    if (!dossier) return;
    const { wardId, districtId, fieldId, procedureId } = dossier;
    for (const { day, counts } of dossierContribution(dossier)) {
      const cell = { wardId, districtId, fieldId, procedureId, day };
      const key = cellKey(cell);
      const entry = cells.get(key) ?? { cell, counts: {} };
      for (const [counter, n] of Object.entries(counts)) {
        entry.counts[counter] = (entry.counts[counter] ?? 0) + sign * (n ?? 0);
      }
      cells.set(key, entry);
    }
  };
  fold(old, -1);
  fold(next, 1);
  const deltas: DossierDelta[] = [];
  for (const { cell, counts } of cells.values()) {
    const nonZero: DossierCounts = {};
    for (const counter of DOSSIER_COUNTERS) {
      const n = counts[counter] ?? 0;
      if (n !== 0) nonZero[counter] = n;
    }
    if (Object.keys(nonZero).length > 0) deltas.push({ ...cell, counts: nonZero });
  }
  return deltas.sort((a, b) => a.day.localeCompare(b.day) || cellKey(a).localeCompare(cellKey(b)));
}
