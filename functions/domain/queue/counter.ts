import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import type { TicketRecord } from './ticket.ts';

/** A ticket being served at a counter: called there, and nothing after that call yet. */
export interface ServingMark {
  readonly counter: number;
  readonly number: string;
  /** Id of the call; the latest call wins when two tickets look served at one counter. */
  readonly callId: string;
}

/** Where a ticket is being served, if it is. */
export function servingMarkOf(record: TicketRecord): ServingMark | undefined {
  const status = record.status;
  if (status?.status !== 'called' || status.counter === undefined) return undefined;
  return { counter: status.counter, number: record.number, callId: status.id };
}

/**
 * What a counter shows, from what its tickets and its clerks' logins said. Tickets whose served
 * event is still on its way look served too; the latest call is the one at the counter.
 */
export interface CounterRecord {
  readonly counter: number;
  /** ticket number → id of the call that put it at this counter. */
  readonly serving: ReadonlyMap<string, string>;
  /** Login and logout entries (clerkLogEntry), any order. */
  readonly clerkLog: readonly string[];
}

export type ClerkEvent = Extract<QueueEvent, { type: 'clerk_logged_in' | 'clerk_logged_out' }>;

export function isClerkEvent(event: QueueEvent): event is ClerkEvent {
  return event.type === 'clerk_logged_in' || event.type === 'clerk_logged_out';
}

/**
 * One login or logout as a string `<id> in|out <clerk>`. A counter keeps the set of them (a set
 * union is order-free and ignores replays); a few per counter per day.
 */
export function clerkLogEntry(event: ClerkEvent): string {
  return `${event.id} ${event.type === 'clerk_logged_in' ? 'in' : 'out'} ${event.clerk}`;
}

/** The clerk at the counter: the agent's rule (state.ts) over the entries in id order. */
export function clerkOf(entries: readonly string[]): string | undefined {
  let clerk: string | undefined;
  for (const entry of [...entries].sort()) {
    const match = /^\S+ (in|out) (.*)$/s.exec(entry);
    if (!match) continue;
    const [, kind, who] = match;
    if (kind === 'in') clerk = who;
    else if (clerk === who) clerk = undefined;
  }
  return clerk;
}

/** The ticket at the counter: the one of the latest call. */
export function servingOf(serving: ReadonlyMap<string, string>): string | undefined {
  let best: { number: string; callId: string } | undefined;
  for (const [number, callId] of serving) if (!best || callId > best.callId) best = { number, callId };
  return best?.number;
}
