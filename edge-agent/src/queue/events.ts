import * as z from 'zod';

export const PriorityKind = z.enum(['elderly', 'disabled', 'pregnant', 'young_children']);
export type PriorityKind = z.infer<typeof PriorityKind>;

export const RatingScore = z.number().int().min(1).max(4);

const base = {
  /** ULID: unique, and sortable by creation. */
  id: z.string().length(26),
  /** Local time of the agent, ISO-8601 with +07:00. */
  at: z.string(),
  /** The local day the queue belongs to (numbers restart each day). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
};

/**
 * What happens in a ward's queue. The agent's state is a fold over the day's events, and the
 * cloud receives the same events (ARCHITECTURE §4), so both tell the same story.
 */
export const QueueEvent = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('ticket_issued'),
    number: z.string(),
    field: z.string(),
    sequence: z.number().int().min(1),
    arrival: z.number().int().min(1),
    priority: PriorityKind.nullable(),
  }),
  z.object({
    ...base,
    type: z.literal('ticket_called'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('ticket_recalled'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('ticket_served'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('ticket_no_show'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
  }),
  z.object({ ...base, type: z.literal('ticket_rejoined'), number: z.string() }),
  z.object({
    ...base,
    type: z.literal('ticket_transferred'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
    fromField: z.string(),
    toField: z.string(),
  }),
  z.object({
    ...base,
    type: z.literal('rating_recorded'),
    number: z.string(),
    counter: z.number(),
    clerk: z.string(),
    score: RatingScore,
  }),
  z.object({ ...base, type: z.literal('clerk_logged_in'), counter: z.number(), clerk: z.string() }),
  z.object({ ...base, type: z.literal('clerk_logged_out'), counter: z.number(), clerk: z.string() }),
  /** A device changed health: printer paper low/out, cover open, LED board unreachable… */
  z.object({
    ...base,
    type: z.literal('device_health'),
    device: z.string(),
    kind: z.enum(['printer', 'led_board', 'keypad', 'display', 'audio', 'store']),
    ok: z.boolean(),
    detail: z.string().optional(),
  }),
  /** Something the agent must not hide: its store was corrupt and moved aside, or the outbox overflowed. */
  z.object({ ...base, type: z.literal('agent_alert'), alert: z.string(), detail: z.string() }),
]);
export type QueueEvent = z.infer<typeof QueueEvent>;
export type QueueEventType = QueueEvent['type'];
export type TicketIssuedEvent = Extract<QueueEvent, { type: 'ticket_issued' }>;

/** An event before it gets its id, time and day from the engine. */
export type NewQueueEvent = QueueEvent extends infer E
  ? E extends QueueEvent
    ? Omit<E, 'id' | 'at' | 'day'>
    : never
  : never;
