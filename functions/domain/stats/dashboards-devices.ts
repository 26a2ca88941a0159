import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import { addDays, type LocalDate, localDateOf, localInstant } from '../time.ts';

/**
 * Device statistics of a ward per local day (rolled up per month and year): how long its agent
 * was online, and how often the ticket printer raised an alert. Sums, like every statistic.
 */
export const DEVICE_FIGURES = [
  /** Milliseconds the agent was online (between an online status and the next status). */
  'onlineMs',
  /** The printer went out of order (any problem: paper out, cover open, unreachable…). */
  'printerAlerts',
  /** The printer ran out of paper. */
  'paperOut',
  /** The printer's near-end sensor saw little paper left. */
  'paperLow',
] as const;
export type DeviceFigure = (typeof DEVICE_FIGURES)[number];
export type DeviceFigures = Partial<Record<DeviceFigure, number>>;

/** Figures by local day; only nonzero figures are kept. */
export type DeviceDelta = Map<LocalDate, DeviceFigures>;

/** The agent describes printer problems in Vietnamese (edge-agent/src/ticket-printing.ts). */
const PAPER_LOW = /sắp hết giấy/i;
const PAPER_OUT = /hết giấy/i;

/**
 * What a `device_health` event adds. The agent records one only when a device's health changes,
 * so each alert is one transition into trouble, never a repeat of the same state.
 */
export function deviceHealthFigures(event: QueueEvent): DeviceDelta {
  const out: DeviceDelta = new Map();
  if (event.type !== 'device_health' || event.kind !== 'printer') return out;
  const figures: DeviceFigures = {};
  const detail = event.detail ?? '';
  if (!event.ok) figures.printerAlerts = 1;
  if (PAPER_LOW.test(detail)) figures.paperLow = 1;
  else if (PAPER_OUT.test(detail)) figures.paperOut = 1;
  if (Object.keys(figures).length > 0) out.set(localDateOf(new Date(Date.parse(event.at))), figures);
  return out;
}

/** What a presence item says (functions/adapters/queue-presence.ts). */
export interface PresenceImage {
  readonly online?: unknown;
  readonly lastSeenAt?: unknown;
}

/**
 * An online span longer than this is cut to its last part: the agent reports on every change of
 * its outbox, so a longer silence means a lost status, and one stream record must stay one
 * transaction of a bounded size (a day item per day).
 */
export const MAX_SPAN_DAYS = 31;

/**
 * The online time a change of the agent's presence closes: the agent was online from the status
 * before (if it said online) until the status after. Statuses only move forward in time (the
 * ingest keeps the latest), so the spans of successive changes never overlap.
 */
export function presenceFigures(
  before: PresenceImage | undefined,
  after: PresenceImage | undefined,
): DeviceDelta {
  if (
    before?.online !== true ||
    typeof before.lastSeenAt !== 'string' ||
    typeof after?.lastSeenAt !== 'string'
  )
    return new Map();
  return onlineByDay(before.lastSeenAt, after.lastSeenAt);
}

/** Milliseconds of [from, to) in each local day it touches (at most MAX_SPAN_DAYS, the last ones). */
export function onlineByDay(fromIso: string, toIso: string): DeviceDelta {
  const out: DeviceDelta = new Map();
  const end = Date.parse(toIso);
  let start = Date.parse(fromIso);
  if (!(end > start)) return out;
  const earliest = localInstant(addDays(localDateOf(new Date(end)), 1 - MAX_SPAN_DAYS)).getTime();
  start = Math.max(start, earliest);
  while (start < end) {
    const day = localDateOf(new Date(start));
    const next = Math.min(end, localInstant(addDays(day, 1)).getTime());
    out.set(day, { onlineMs: next - start });
    start = next;
  }
  return out;
}

/** One day of the devices dashboard. */
export interface DeviceDay {
  readonly day: LocalDate;
  readonly onlineMinutes: number;
  readonly printerAlerts: number;
  readonly paperOut: number;
  readonly paperLow: number;
}

/**
 * The days of [from, to] with their figures, each day present (zeros where nothing happened).
 * `live` adds the span of an agent online now, not closed by a status yet.
 */
export function deviceDays(
  from: LocalDate,
  to: LocalDate,
  byDay: ReadonlyMap<LocalDate, DeviceFigures>,
  live: DeviceDelta = new Map(),
): DeviceDay[] {
  const days: DeviceDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const stored = byDay.get(day) ?? {};
    const onlineMs = (stored.onlineMs ?? 0) + (live.get(day)?.onlineMs ?? 0);
    days.push({
      day,
      onlineMinutes: Math.round(onlineMs / 60_000),
      printerAlerts: stored.printerAlerts ?? 0,
      paperOut: stored.paperOut ?? 0,
      paperLow: stored.paperLow ?? 0,
    });
  }
  return days;
}
