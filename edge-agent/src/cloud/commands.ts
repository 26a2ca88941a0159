import * as z from 'zod';

/**
 * A command from the cloud (a counter action from the web UI, an announcement) on
 * `motcua/<district>/<ward>/commands`. Correlation and expiry live in the payload
 * (ARCHITECTURE §4): QoS 1 may deliver a command twice, and one queued while the agent was
 * offline may arrive long after it stopped making sense.
 */
export const Command = z
  .object({
    id: z.string().min(1).max(64),
    type: z.enum(['call_next', 'recall', 'complete', 'no_show', 'transfer', 'announce']),
    counter: z.number().int().min(1).max(99).optional(),
    /** `transfer`: the field whose queue the ticket at the counter goes to. */
    field: z.string().min(1).max(64).optional(),
    text: z.string().min(1).max(1000).optional(),
    /** ISO-8601 with offset; past it, the command is dropped. */
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .refine((c) => c.type !== 'transfer' || c.field !== undefined, {
    path: ['field'],
    message: 'a transfer names the field to send the ticket to',
  });
export type Command = z.infer<typeof Command>;

/** Why a command was not handed on. */
export type CommandDrop = 'invalid' | 'expired' | 'duplicate';

/** The command to hand on, or why it was dropped. */
export type CommandVerdict =
  | { readonly accepted: true; readonly command: Command }
  | {
      readonly accepted: false;
      readonly reason: CommandDrop;
      readonly id?: string;
      readonly detail?: string;
    };

/** How many recent ids are remembered: far more than a ward's commands between two redeliveries. */
export const DEFAULT_SEEN_CAPACITY = 1000;

/**
 * Drops commands that are malformed, past their `expiresAt` on the agent's clock, or already
 * seen (a bounded LRU of recent ids). The LRU lives in memory: after a restart, expiry is what
 * keeps an old redelivered command out, so the cloud should keep expiries short.
 */
export class CommandFilter {
  /** Insertion-ordered: the first key is the least recently seen. */
  private readonly seen = new Map<string, true>();

  constructor(private readonly capacity = DEFAULT_SEEN_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  /** Judges one received payload (already JSON-decoded) at agent time `now`. */
  accept(payload: unknown, now: Date): CommandVerdict {
    const parsed = Command.safeParse(payload);
    if (!parsed.success) {
      const id =
        typeof (payload as { id?: unknown })?.id === 'string' ? (payload as { id: string }).id : undefined;
      return { accepted: false, reason: 'invalid', id, detail: z.prettifyError(parsed.error) };
    }
    const command = parsed.data;
    if (this.seen.has(command.id)) {
      this.remember(command.id); // refresh: a redelivery storm keeps its id from being evicted
      return { accepted: false, reason: 'duplicate', id: command.id };
    }
    if (Date.parse(command.expiresAt) <= now.getTime()) {
      return {
        accepted: false,
        reason: 'expired',
        id: command.id,
        detail: `expired at ${command.expiresAt}`,
      };
    }
    this.remember(command.id);
    return { accepted: true, command };
  }

  private remember(id: string): void {
    this.seen.delete(id);
    this.seen.set(id, true);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.keys().next().value as string;
      this.seen.delete(oldest);
    }
  }
}
