import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import {
  type ClerkEvent,
  type CounterRecord,
  clerkLogEntry,
  isClerkEvent,
  type ServingMark,
  servingMarkOf,
} from './counter.ts';
import { addStats, type DayStats, diffStats, type StatsDelta, ticketContribution } from './day-stats.ts';
import { foldTicket, isTicketEvent, sameRecord, type TicketEvent, type TicketRecord } from './ticket.ts';

/**
 * What one ticket event changes, worked out from the ticket's record before it. The district
 * table applies exactly this in one transaction with the event's idempotency record; `foldDay`
 * applies it in memory. Figures move by the difference of the ticket's contribution, so they
 * depend only on which events arrived, not in which order.
 */
export interface TicketChange {
  readonly record: TicketRecord;
  /** False when the event told nothing new (a replay, or older than what is known). */
  readonly changed: boolean;
  readonly stats: StatsDelta;
  /** The ticket leaves the counter it was served at / is now served at. */
  readonly serving: { readonly from?: ServingMark; readonly to?: ServingMark };
}

export function planTicketChange(before: TicketRecord | undefined, event: TicketEvent): TicketChange {
  const old = before ?? { number: event.number };
  const record = foldTicket(old, event);
  if (sameRecord(old, record)) return { record: old, changed: false, stats: new Map(), serving: {} };
  const stats = diffStats(ticketContribution(old), ticketContribution(record));
  const from = servingMarkOf(old);
  const to = servingMarkOf(record);
  const moved = from?.counter !== to?.counter || from?.callId !== to?.callId;
  return { record, changed: true, stats, serving: moved ? { from, to } : {} };
}

/** A ward's queue on one day as the cloud folds it: per-field figures and counters. */
export interface QueueDay {
  readonly stats: DayStats;
  readonly counters: Map<number, CounterRecord>;
  readonly tickets: Map<string, TicketRecord>;
}

export function emptyQueueDay(): QueueDay {
  return { stats: new Map(), counters: new Map(), tickets: new Map() };
}

/**
 * Folds events into a day in memory, skipping ids seen before: the reference for what the
 * ingest writes (and a way to rebuild a day from its stored events).
 */
export function foldDay(
  events: Iterable<QueueEvent>,
  day: QueueDay = emptyQueueDay(),
  seen = new Set<string>(),
) {
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    if (isTicketEvent(event)) applyTicketChange(day, planTicketChange(day.tickets.get(event.number), event));
    else if (isClerkEvent(event)) applyClerkEvent(day, event);
  }
  return day;
}

function applyTicketChange(day: QueueDay, change: TicketChange): void {
  if (!change.changed) return;
  day.tickets.set(change.record.number, change.record);
  addStats(day.stats, change.stats);
  const { from, to } = change.serving;
  if (from) (counterOf(day, from.counter).serving as Map<string, string>).delete(from.number);
  if (to) (counterOf(day, to.counter).serving as Map<string, string>).set(to.number, to.callId);
}

function applyClerkEvent(day: QueueDay, event: ClerkEvent): void {
  const counter = counterOf(day, event.counter);
  const entry = clerkLogEntry(event);
  if (!counter.clerkLog.includes(entry)) (counter.clerkLog as string[]).push(entry);
}

function counterOf(day: QueueDay, number: number): CounterRecord {
  let counter = day.counters.get(number);
  if (!counter) {
    counter = { counter: number, serving: new Map(), clerkLog: [] };
    day.counters.set(number, counter);
  }
  return counter;
}
