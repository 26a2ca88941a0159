import { currentField, type TicketRecord } from './ticket.ts';

/**
 * The additive figures of one field on one day. Every figure is a sum over the day's tickets,
 * so days, fields and wards add up by plain addition (the dashboards), and averages are a
 * sum divided by its count.
 */
export const FIELD_STAT_KEYS = [
  /** Tickets issued in this field (by the field they were issued in). */
  'issued',
  /** Tickets waiting in this field now (transfers included). */
  'waiting',
  'served',
  'noShow',
  /** Σ (last call − issue) over tickets called and not back in a queue, in seconds, and how many. */
  'waitSeconds',
  'waitCount',
  /** Σ (service end − last call) over served tickets, in seconds, and how many. */
  'serviceSeconds',
  'serviceCount',
  /** Ratings per level of the rating pad (1–4). */
  'rating1',
  'rating2',
  'rating3',
  'rating4',
] as const;
export type FieldStatKey = (typeof FIELD_STAT_KEYS)[number];
export type FieldStats = Record<FieldStatKey, number>;

/** field id → figures; a field nobody used that day is absent. */
export type DayStats = Map<string, FieldStats>;

/** Changes to apply, field id → key → amount (nonzero only). */
export type StatsDelta = Map<string, Partial<FieldStats>>;

export function emptyFieldStats(): FieldStats {
  return Object.fromEntries(FIELD_STAT_KEYS.map((k) => [k, 0])) as FieldStats;
}

/**
 * What one ticket adds to the day's figures. A ticket whose field is not known yet (its issue
 * has not arrived) adds nothing until it is: its figures appear with the event that names it.
 * Waiting, served and no-show follow the ticket's status, so each is 0 or 1 per ticket and
 * their sums can never go below zero, whatever order the events came in.
 */
export function ticketContribution(record: TicketRecord): StatsDelta {
  const out: StatsDelta = new Map();
  const add = (field: string, key: FieldStatKey, amount: number) => {
    if (amount === 0) return;
    const stats = out.get(field) ?? {};
    stats[key] = (stats[key] ?? 0) + amount;
    out.set(field, stats);
  };
  if (record.issued) add(record.issued.field, 'issued', 1);
  const field = currentField(record);
  if (!field) return out;
  const status = record.status?.status;
  if (status === 'waiting') add(field, 'waiting', 1);
  if (status === 'served') add(field, 'served', 1);
  if (status === 'no_show') add(field, 'noShow', 1);
  // A ticket back in a queue (rejoined, transferred) has no wait to report until it is called again.
  if (record.issued && record.call && status !== 'waiting') {
    add(field, 'waitSeconds', secondsBetween(record.issued.at, record.call.at));
    add(field, 'waitCount', 1);
  }
  if (status === 'served' && record.served && record.call) {
    add(field, 'serviceSeconds', secondsBetween(record.call.at, record.served.at));
    add(field, 'serviceCount', 1);
  }
  if (record.rating) add(field, `rating${record.rating.score}` as FieldStatKey, 1);
  return out;
}

/** after − before, keeping only what changed. */
export function diffStats(before: StatsDelta, after: StatsDelta): StatsDelta {
  const out: StatsDelta = new Map();
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const changes: Partial<FieldStats> = {};
    for (const key of FIELD_STAT_KEYS) {
      const change = (after.get(field)?.[key] ?? 0) - (before.get(field)?.[key] ?? 0);
      if (change !== 0) changes[key] = change;
    }
    if (Object.keys(changes).length > 0) out.set(field, changes);
  }
  return out;
}

/** Adds a delta into day figures, in place. */
export function addStats(day: DayStats, delta: StatsDelta): void {
  for (const [field, changes] of delta) {
    const stats = day.get(field) ?? emptyFieldStats();
    for (const [key, amount] of Object.entries(changes) as [FieldStatKey, number][]) stats[key] += amount;
    day.set(field, stats);
  }
}

/**
 * Whole seconds from one local time to a later one. Agents' clocks only move forward in the
 * normal run; a stepped-back clock gives 0, not a negative duration.
 */
export function secondsBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
}
