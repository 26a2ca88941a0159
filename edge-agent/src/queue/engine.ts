import { localDateOf, toLocalIso } from '#domain/time';
import type { QueueConfig } from './config.ts';
import { QueueError } from './errors.ts';
import type { NewQueueEvent, PriorityKind, QueueEvent, TicketIssuedEvent } from './events.ts';
import { applyEvent, type CounterState, emptyState, type QueueState, type Ticket } from './state.ts';

export interface EngineDeps {
  readonly now: () => Date;
  readonly newId: () => string;
}

/**
 * The ward's queue: commands decide events, events change the state. Pure but for the clock
 * and id generator it is given, so tests drive it with a fake clock.
 */
export class QueueEngine {
  #state: QueueState;

  constructor(
    readonly config: QueueConfig,
    private readonly deps: EngineDeps,
    journal: readonly QueueEvent[] = [],
  ) {
    this.#state = emptyState(config, localDateOf(deps.now()));
    for (const event of journal) this.#replay(event);
  }

  get state(): Readonly<QueueState> {
    this.#rollOver();
    return this.#state;
  }

  /** Issues the next number of a field; `ahead` is how many will be called before it. */
  issueTicket(
    fieldId: string,
    priority: PriorityKind | null = null,
  ): { event: TicketIssuedEvent; ahead: number } {
    this.#rollOver();
    const field = this.config.fields.find((f) => f.id === fieldId);
    if (!field) throw new QueueError('unknown_field', `unknown field '${fieldId}'`);
    const sequence = (this.#state.sequences.get(field.id) ?? 0) + 1;
    const number = `${field.prefix}${String(sequence).padStart(3, '0')}`;
    const ahead = [...this.#state.tickets.values()].filter(
      (t) => t.status === 'waiting' && t.field === field.id && (priority === null || t.priority !== null),
    ).length;
    const [event] = this.#commit([
      {
        type: 'ticket_issued',
        number,
        field: field.id,
        sequence,
        arrival: this.#state.lastArrival + 1,
        priority,
      },
    ]);
    return { event: event as TicketIssuedEvent, ahead };
  }

  login(counterNumber: number, clerk: string): QueueEvent[] {
    const counter = this.#counter(counterNumber);
    const events: NewQueueEvent[] = [];
    if (counter.clerk && counter.clerk !== clerk) {
      events.push({ type: 'clerk_logged_out', counter: counter.number, clerk: counter.clerk });
    }
    if (counter.clerk !== clerk) events.push({ type: 'clerk_logged_in', counter: counter.number, clerk });
    return this.#commit(events);
  }

  logout(counterNumber: number): QueueEvent[] {
    const counter = this.#counter(counterNumber);
    if (!counter.clerk) return [];
    return this.#commit([{ type: 'clerk_logged_out', counter: counter.number, clerk: counter.clerk }]);
  }

  /**
   * Calls the next ticket to a counter: the earliest arrival among its fields, priority
   * tickets first but at most `priorityBurst` in a row while normal tickets wait. A ticket
   * still at the counter is finished first, so "next" is one press.
   */
  callNext(counterNumber: number): QueueEvent[] {
    const counter = this.#staffed(counterNumber);
    const waiting = [...this.#state.tickets.values()]
      .filter((t) => t.status === 'waiting' && counter.fields.includes(t.field))
      .sort((a, b) => a.arrival - b.arrival);
    const priority = waiting.find((t) => t.priority !== null);
    const normal = waiting.find((t) => t.priority === null);
    const next =
      priority && (!normal || counter.priorityStreak < this.config.priorityBurst)
        ? priority
        : (normal ?? priority);
    if (!next) throw new QueueError('nobody_waiting', `nobody is waiting for counter ${counter.number}`);
    const events: NewQueueEvent[] = [];
    if (counter.serving)
      events.push({
        type: 'ticket_served',
        number: counter.serving,
        counter: counter.number,
        clerk: counter.clerk as string,
      });
    events.push({
      type: 'ticket_called',
      number: next.number,
      counter: counter.number,
      clerk: counter.clerk as string,
    });
    return this.#commit(events);
  }

  /** Calls the same ticket again; after `noShowAfterRecalls` recalls the next one makes it a no-show. */
  recall(counterNumber: number): QueueEvent[] {
    const { counter, ticket } = this.#serving(counterNumber);
    const clerk = counter.clerk as string;
    if (ticket.recalls >= this.config.noShowAfterRecalls) {
      return this.#commit([
        { type: 'ticket_no_show', number: ticket.number, counter: counter.number, clerk },
      ]);
    }
    return this.#commit([{ type: 'ticket_recalled', number: ticket.number, counter: counter.number, clerk }]);
  }

  complete(counterNumber: number): QueueEvent[] {
    const { counter, ticket } = this.#serving(counterNumber);
    return this.#commit([
      {
        type: 'ticket_served',
        number: ticket.number,
        counter: counter.number,
        clerk: counter.clerk as string,
      },
    ]);
  }

  noShow(counterNumber: number): QueueEvent[] {
    const { counter, ticket } = this.#serving(counterNumber);
    return this.#commit([
      {
        type: 'ticket_no_show',
        number: ticket.number,
        counter: counter.number,
        clerk: counter.clerk as string,
      },
    ]);
  }

  /** Sends the ticket at the counter to another field; it keeps its place by arrival. */
  transfer(counterNumber: number, toField: string): QueueEvent[] {
    const { counter, ticket } = this.#serving(counterNumber);
    if (!this.config.fields.some((f) => f.id === toField))
      throw new QueueError('unknown_field', `unknown field '${toField}'`);
    if (toField === ticket.field)
      throw new QueueError('same_field', `ticket ${ticket.number} is already in ${toField}`);
    return this.#commit([
      {
        type: 'ticket_transferred',
        number: ticket.number,
        counter: counter.number,
        clerk: counter.clerk as string,
        fromField: ticket.field,
        toField,
      },
    ]);
  }

  /** A citizen who missed their call comes back within the window and keeps their place. */
  rejoin(number: string): QueueEvent[] {
    this.#rollOver();
    const ticket = this.#state.tickets.get(number);
    if (!ticket) throw new QueueError('unknown_ticket', `no ticket ${number} today`);
    const window = this.config.rejoinWindowMinutes * 60_000;
    if (
      ticket.status !== 'no_show' ||
      !ticket.noShowAt ||
      elapsed(ticket.noShowAt, this.deps.now()) > window
    ) {
      throw new QueueError('rejoin_closed', `ticket ${number} cannot rejoin the queue now`);
    }
    return this.#commit([{ type: 'ticket_rejoined', number }]);
  }

  /** Records the one rating of the ticket last served at this counter, while the prompt is open. */
  rate(counterNumber: number, score: number): QueueEvent[] {
    this.#rollOver();
    const counter = this.#counter(counterNumber);
    const last = counter.lastServed;
    if (!last || elapsed(last.servedAt, this.deps.now()) > this.config.ratingWindowSeconds * 1000) {
      throw new QueueError('rating_closed', `counter ${counterNumber} has no service waiting for a rating`);
    }
    if (last.rated) throw new QueueError('already_rated', `ticket ${last.number} has been rated already`);
    return this.#commit([
      { type: 'rating_recorded', number: last.number, counter: counter.number, clerk: last.clerk, score },
    ]);
  }

  /** Adds the envelope (id, local time, day), folds the events in, and returns them. */
  #commit(events: NewQueueEvent[]): QueueEvent[] {
    const at = toLocalIso(this.deps.now());
    const done = events.map((e) => ({ ...e, id: this.deps.newId(), at, day: this.#state.day }) as QueueEvent);
    for (const event of done) applyEvent(this.#state, event);
    return done;
  }

  #replay(event: QueueEvent): void {
    if (event.day > this.#state.day) this.#state = emptyState(this.config, event.day);
    if (event.day === this.#state.day) applyEvent(this.#state, event);
  }

  /**
   * Starts a new day at local midnight. The day only moves forward: a clock stepped back
   * across midnight keeps today's numbering instead of reissuing yesterday's numbers.
   */
  #rollOver(): void {
    const today = localDateOf(this.deps.now());
    if (today > this.#state.day) this.#state = emptyState(this.config, today);
  }

  #counter(counterNumber: number): CounterState {
    this.#rollOver();
    const counter = this.#state.counters.get(counterNumber);
    if (!counter) throw new QueueError('unknown_counter', `no counter ${counterNumber} in this ward`);
    return counter;
  }

  #staffed(counterNumber: number): CounterState {
    const counter = this.#counter(counterNumber);
    if (!counter.clerk)
      throw new QueueError('not_logged_in', `no clerk is logged in at counter ${counterNumber}`);
    return counter;
  }

  #serving(counterNumber: number): { counter: CounterState; ticket: Ticket } {
    const counter = this.#staffed(counterNumber);
    const ticket = counter.serving ? this.#state.tickets.get(counter.serving) : undefined;
    if (!ticket) throw new QueueError('not_serving', `counter ${counterNumber} is not serving anyone`);
    return { counter, ticket };
  }
}

function elapsed(sinceIso: string, now: Date): number {
  return now.getTime() - Date.parse(sinceIso);
}
