import { currentField, type TicketRecord } from '../queue/ticket.ts';
import { localMinutesOf } from '../time.ts';

/**
 * The queue statistics behind the dashboards: sums over tickets per ward × local day × field ×
 * counter × clerk, rolled up per month and year like the dossier statistics. Every figure is a
 * sum, so days, counters, clerks and wards add up by plain addition; averages are a sum divided
 * by its count, and percentiles come from the wait histogram.
 */

/** Upper edges (minutes, inclusive) of the wait histogram's buckets; one more bucket holds the rest. */
export const WAIT_BUCKET_EDGES_MIN = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
/** `waitLe1` … `waitLe120`, then `waitOver120`: counts of waits in (previous edge, edge]. */
export const WAIT_BUCKETS = [
  ...WAIT_BUCKET_EDGES_MIN.map((edge) => `waitLe${edge}` as const),
  `waitOver${WAIT_BUCKET_EDGES_MIN.at(-1) ?? 0}` as const,
] as const;
export type WaitBucket = (typeof WAIT_BUCKETS)[number];

/** `hour00` … `hour23`: tickets issued in each local hour of the day. */
export type HourFigure = `hour${string}`;
export const HOUR_FIGURES: readonly HourFigure[] = Array.from(
  { length: 24 },
  (_, h) => `hour${String(h).padStart(2, '0')}` as const,
);

/** Levels of the rating pad: 1 Không hài lòng … 4 Rất hài lòng. */
export const RATING_LEVELS = [1, 2, 3, 4] as const;
export const RATING_FIGURES = RATING_LEVELS.map((level) => `rating${level}` as const);
export type RatingFigure = (typeof RATING_FIGURES)[number];

export type QueueFigure =
  | 'issued'
  | 'served'
  | 'noShow'
  | 'transferredOut'
  | 'waitMsSum'
  | 'waitCount'
  | 'serviceMsSum'
  | 'serviceCount'
  | WaitBucket
  | HourFigure
  | RatingFigure;

export const QUEUE_FIGURES: readonly QueueFigure[] = [
  /** Tickets issued (keyed by the field issued in, no counter, no clerk). */
  'issued',
  /** Tickets served, at the counter and by the clerk who finished them. */
  'served',
  'noShow',
  /** Tickets sent to another field, keyed by the field they left. */
  'transferredOut',
  /** Σ (last call − issue) in ms and how many, keyed by the calling counter and clerk. */
  'waitMsSum',
  'waitCount',
  /** Σ (served − last call) in ms and how many, keyed by the serving counter and clerk. */
  'serviceMsSum',
  'serviceCount',
  ...WAIT_BUCKETS,
  ...HOUR_FIGURES,
  ...RATING_FIGURES,
];
export type QueueFigures = Partial<Record<QueueFigure, number>>;

/** The counter and clerk of figures that belong to none (an issue happens at the kiosk). */
export const NO_COUNTER = 0;
export const NO_CLERK = '-';

/** Who a queue figure belongs to within a ward and day. */
export interface QueueStatsKey {
  readonly fieldId: string;
  readonly counter: number;
  readonly clerk: string;
}

/** Figures by key (`queueKeyId`); only nonzero figures are kept. */
export type QueueDelta = Map<string, { readonly key: QueueStatsKey; readonly figures: QueueFigures }>;

export const queueKeyId = (key: QueueStatsKey) => `${key.fieldId}#${key.counter}#${key.clerk}`;

/** What an event a ticket record cites tells beyond the record: where and by whom, from which field. */
export interface EventFacts {
  readonly counter?: number;
  readonly clerk?: string;
  readonly fromField?: string;
}
export type FactsOf = (eventId: string) => EventFacts | undefined;

/** Ids of the events whose counter or clerk the ticket's figures need (citedEvents → FactsOf). */
export function citedEvents(record: TicketRecord | undefined): string[] {
  if (!record) return [];
  const ids = [record.status?.id, record.call?.id, record.transfer?.id, record.rating?.id];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The bucket a wait falls in: the first whose edge it does not exceed. */
export function waitBucketOf(waitMs: number): WaitBucket {
  const minutes = waitMs / 60_000;
  const index = WAIT_BUCKET_EDGES_MIN.findIndex((edge) => minutes <= edge);
  return WAIT_BUCKETS[index === -1 ? WAIT_BUCKETS.length - 1 : index] as WaitBucket;
}

/** The figure of tickets issued in the local hour of an instant. */
export function hourFigureOf(at: string): HourFigure {
  const hour = Math.floor(localMinutesOf(new Date(Date.parse(at))) / 60);
  return `hour${String(hour).padStart(2, '0')}`;
}

/**
 * What one ticket adds to its day's statistics, the rules of the day's live figures
 * (functions/domain/queue/day-stats.ts) keyed further by counter and clerk: issued and hour of
 * issue once it is known; served, no-show, wait and service from its status; the latest
 * transfer and rating. The statistics move by the difference of this between the ticket's
 * record before and after a change, so they depend on which events arrived, not on their order.
 */
export function ticketFigures(record: TicketRecord | undefined, factsOf: FactsOf): QueueDelta {
  const out: QueueDelta = new Map();
  if (!record) return out;
  const add = (key: QueueStatsKey, figure: QueueFigure, amount: number) => {
    if (amount === 0) return;
    const id = queueKeyId(key);
    const entry = out.get(id) ?? { key, figures: {} };
    const figures = entry.figures as Record<string, number>;
    figures[figure] = (figures[figure] ?? 0) + amount;
    out.set(id, entry);
  };
  const keyOf = (
    fieldId: string,
    eventId: string | undefined,
    counter: number | undefined,
  ): QueueStatsKey => {
    const facts = eventId ? factsOf(eventId) : undefined;
    return { fieldId, counter: facts?.counter ?? counter ?? NO_COUNTER, clerk: facts?.clerk ?? NO_CLERK };
  };
  if (record.issued) {
    const kiosk = { fieldId: record.issued.field, counter: NO_COUNTER, clerk: NO_CLERK };
    add(kiosk, 'issued', 1);
    add(kiosk, hourFigureOf(record.issued.at), 1);
  }
  if (record.transfer) {
    const facts = factsOf(record.transfer.id);
    if (facts?.fromField) add(keyOf(facts.fromField, record.transfer.id, undefined), 'transferredOut', 1);
  }
  const field = currentField(record);
  if (!field) return out;
  const status = record.status;
  const statusKey = status ? keyOf(field, status.id, status.counter) : undefined;
  if (status?.status === 'served' && statusKey) add(statusKey, 'served', 1);
  if (status?.status === 'no_show' && statusKey) add(statusKey, 'noShow', 1);
  // A ticket back in a queue (rejoined, transferred) has no wait until it is called again.
  if (record.issued && record.call && status?.status !== 'waiting') {
    const waitMs = msBetween(record.issued.at, record.call.at);
    const callKey = keyOf(field, record.call.id, record.call.counter);
    add(callKey, 'waitMsSum', waitMs);
    add(callKey, 'waitCount', 1);
    add(callKey, waitBucketOf(waitMs), 1);
  }
  if (status?.status === 'served' && statusKey && record.served && record.call) {
    add(statusKey, 'serviceMsSum', msBetween(record.call.at, record.served.at));
    add(statusKey, 'serviceCount', 1);
  }
  if (record.rating) {
    const ratingKey = keyOf(field, record.rating.id, undefined);
    add(ratingKey, `rating${record.rating.score}` as RatingFigure, 1);
  }
  return out;
}

/** after − before, keeping only what changed. */
export function diffQueueDelta(before: QueueDelta, after: QueueDelta): QueueDelta {
  const out: QueueDelta = new Map();
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const key = (after.get(id) ?? before.get(id))?.key as QueueStatsKey;
    const was = (before.get(id)?.figures ?? {}) as Record<string, number>;
    const now = (after.get(id)?.figures ?? {}) as Record<string, number>;
    const figures: Record<string, number> = {};
    for (const figure of new Set([...Object.keys(was), ...Object.keys(now)])) {
      const change = (now[figure] ?? 0) - (was[figure] ?? 0);
      if (change !== 0) figures[figure] = change;
    }
    if (Object.keys(figures).length > 0) out.set(id, { key, figures });
  }
  return out;
}

/** What a change of a ticket's record (before → after) changes in the statistics. */
export function ticketChange(
  before: TicketRecord | undefined,
  after: TicketRecord | undefined,
  factsOf: FactsOf,
): QueueDelta {
  return diffQueueDelta(ticketFigures(before, factsOf), ticketFigures(after, factsOf));
}

/**
 * Milliseconds from one local time to a later one. A stepped-back agent clock gives 0, not a
 * negative duration (as the live figures do).
 */
export function msBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Date.parse(toIso) - Date.parse(fromIso));
}
