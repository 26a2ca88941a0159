import type { QueueConfig } from './config.ts';
import type { PriorityKind, QueueEvent } from './events.ts';

export type TicketStatus = 'waiting' | 'called' | 'served' | 'no_show';

export interface Ticket {
  readonly number: string;
  field: string;
  readonly sequence: number;
  /** Order of arrival in the day; kept on transfer and rejoin, so nobody loses their place. */
  readonly arrival: number;
  readonly priority: PriorityKind | null;
  status: TicketStatus;
  readonly issuedAt: string;
  /** The last call or recall: wait time = lastCalledAt − issuedAt. */
  lastCalledAt?: string;
  recalls: number;
  counter?: number;
  clerk?: string;
  noShowAt?: string;
  servedAt?: string;
}

export interface CounterState {
  readonly number: number;
  readonly fields: readonly string[];
  clerk?: string;
  /** The ticket called to this counter and not yet finished. */
  serving?: string;
  /** Priority tickets called in a row, to let normal tickets through (no starvation). */
  priorityStreak: number;
  /** The last ticket served here, for its one rating. */
  lastServed?: { number: string; clerk: string; servedAt: string; rated: boolean };
}

export interface RecentCall {
  readonly number: string;
  readonly counter: number;
  readonly at: string;
}

/** The queue of one ward for one local day. */
export interface QueueState {
  day: string;
  readonly tickets: Map<string, Ticket>;
  readonly sequences: Map<string, number>;
  lastArrival: number;
  readonly counters: Map<number, CounterState>;
  /** Most recent first; the hall display shows these, since people miss their call. */
  recentCalls: RecentCall[];
}

const RECENT_CALLS = 10;

export function emptyState(config: QueueConfig, day: string): QueueState {
  return {
    day,
    tickets: new Map(),
    sequences: new Map(config.fields.map((f) => [f.id, 0])),
    lastArrival: 0,
    counters: new Map(
      config.counters.map((c) => [c.number, { number: c.number, fields: c.fields, priorityStreak: 0 }]),
    ),
    recentCalls: [],
  };
}

/**
 * Folds one event into the state, in place: the agent replays the day's journal through
 * this on start, so state after a crash is exactly the state before it.
 */
export function applyEvent(state: QueueState, event: QueueEvent): void {
  const counter = 'counter' in event ? state.counters.get(event.counter) : undefined;
  const ticket = 'number' in event ? state.tickets.get(event.number) : undefined;
  switch (event.type) {
    case 'ticket_issued':
      state.tickets.set(event.number, {
        number: event.number,
        field: event.field,
        sequence: event.sequence,
        arrival: event.arrival,
        priority: event.priority,
        status: 'waiting',
        issuedAt: event.at,
        recalls: 0,
      });
      state.sequences.set(event.field, Math.max(state.sequences.get(event.field) ?? 0, event.sequence));
      state.lastArrival = Math.max(state.lastArrival, event.arrival);
      return;
    case 'ticket_called':
    case 'ticket_recalled':
      if (!ticket || !counter) return;
      ticket.status = 'called';
      ticket.lastCalledAt = event.at;
      ticket.counter = event.counter;
      ticket.clerk = event.clerk;
      if (event.type === 'ticket_recalled') ticket.recalls += 1;
      else counter.priorityStreak = ticket.priority ? counter.priorityStreak + 1 : 0;
      counter.serving = event.number;
      state.recentCalls = [
        { number: event.number, counter: event.counter, at: event.at },
        ...state.recentCalls,
      ].slice(0, RECENT_CALLS);
      return;
    case 'ticket_served':
      if (!ticket || !counter) return;
      ticket.status = 'served';
      ticket.servedAt = event.at;
      counter.serving = undefined;
      counter.lastServed = { number: event.number, clerk: event.clerk, servedAt: event.at, rated: false };
      return;
    case 'ticket_no_show':
      if (!ticket || !counter) return;
      ticket.status = 'no_show';
      ticket.noShowAt = event.at;
      counter.serving = undefined;
      return;
    case 'ticket_rejoined':
      if (!ticket) return;
      ticket.status = 'waiting';
      ticket.recalls = 0;
      ticket.counter = undefined;
      return;
    case 'ticket_transferred':
      if (!ticket || !counter) return;
      ticket.status = 'waiting';
      ticket.field = event.toField;
      ticket.recalls = 0;
      ticket.counter = undefined;
      counter.serving = undefined;
      return;
    case 'rating_recorded':
      if (counter?.lastServed?.number === event.number) counter.lastServed.rated = true;
      return;
    case 'clerk_logged_in':
      if (counter) counter.clerk = event.clerk;
      return;
    case 'clerk_logged_out':
      if (counter && counter.clerk === event.clerk) counter.clerk = undefined;
      return;
    case 'device_health':
    case 'agent_alert':
      return; // not part of the queue; the agent's device view and the cloud keep them
  }
}
