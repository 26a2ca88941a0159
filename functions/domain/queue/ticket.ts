import type { PriorityKind, QueueEvent } from '../../../edge-agent/src/queue/events.ts';

/** Where a ticket stands, as the agent's state.ts names it. */
export type TicketStatus = 'waiting' | 'called' | 'served' | 'no_show';

/**
 * What the cloud knows of one ticket of one day, built from its events in any order. Every
 * part keeps the event that said it last, by event id: the agent mints ids (ULIDs) in the order
 * it applies events, so "the greatest id" is "the agent's latest", whatever order they arrive
 * in. Keeping a maximum is idempotent and commutative, so replays and reordering cannot change
 * the record: the same set of events always gives the same record.
 */
export interface TicketRecord {
  readonly number: string;
  /** The issue (the earliest, should an agent ever send two). */
  readonly issued?: {
    readonly id: string;
    readonly at: string;
    readonly field: string;
    readonly priority: PriorityKind | null;
  };
  /** The latest event that set the status, with the counter it happened at. */
  readonly status?: { readonly id: string; readonly status: TicketStatus; readonly counter?: number };
  /** The latest transfer: the ticket's field from then on. */
  readonly transfer?: { readonly id: string; readonly toField: string };
  /** The latest call or recall: wait time runs to it, service time from it. */
  readonly call?: { readonly id: string; readonly at: string; readonly counter: number };
  readonly served?: { readonly id: string; readonly at: string };
  readonly rating?: { readonly id: string; readonly score: number };
}

/** Events about one ticket, the ones with a `number`. */
export type TicketEvent = Extract<QueueEvent, { number: string }>;

export function isTicketEvent(event: QueueEvent): event is TicketEvent {
  return 'number' in event;
}

/** Adds one event to a ticket's record; a known or outdated event leaves it as it was. */
export function foldTicket(record: TicketRecord, event: TicketEvent): TicketRecord {
  const next: Mutable<TicketRecord> = { ...record };
  const counter = 'counter' in event ? event.counter : undefined;
  switch (event.type) {
    case 'ticket_issued':
      if (!record.issued || event.id < record.issued.id) {
        next.issued = { id: event.id, at: event.at, field: event.field, priority: event.priority };
      }
      break;
    case 'ticket_called':
    case 'ticket_recalled':
      next.call = latest(record.call, { id: event.id, at: event.at, counter: event.counter });
      break;
    case 'ticket_served':
      next.served = latest(record.served, { id: event.id, at: event.at });
      break;
    case 'ticket_transferred':
      next.transfer = latest(record.transfer, { id: event.id, toField: event.toField });
      break;
    case 'rating_recorded':
      next.rating = latest(record.rating, { id: event.id, score: event.score });
      break;
    case 'ticket_no_show':
    case 'ticket_rejoined':
      break;
  }
  const status = STATUS_AFTER[event.type];
  if (status) {
    next.status = latest(record.status, {
      id: event.id,
      status,
      ...(counter !== undefined && status !== 'waiting' ? { counter } : {}),
    });
  }
  return next;
}

/** The status each event leaves a ticket in (state.ts applyEvent); ratings change none. */
const STATUS_AFTER: Record<TicketEvent['type'], TicketStatus | undefined> = {
  ticket_issued: 'waiting',
  ticket_called: 'called',
  ticket_recalled: 'called',
  ticket_served: 'served',
  ticket_no_show: 'no_show',
  ticket_rejoined: 'waiting',
  ticket_transferred: 'waiting',
  rating_recorded: undefined,
};

/** The ticket's field now: where its latest transfer sent it, else where it was issued. */
export function currentField(record: TicketRecord): string | undefined {
  return record.transfer?.toField ?? record.issued?.field;
}

/** True when both records say the same (a fold that changed nothing). */
export function sameRecord(a: TicketRecord, b: TicketRecord): boolean {
  return (
    a.issued?.id === b.issued?.id &&
    a.status?.id === b.status?.id &&
    a.transfer?.id === b.transfer?.id &&
    a.call?.id === b.call?.id &&
    a.served?.id === b.served?.id &&
    a.rating?.id === b.rating?.id
  );
}

function latest<T extends { readonly id: string }>(current: T | undefined, candidate: T): T {
  return current && current.id >= candidate.id ? current : candidate;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
