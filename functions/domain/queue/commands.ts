import type { Command } from '../../../edge-agent/src/cloud/commands.ts';
import type { WardConfig } from '../../../edge-agent/src/ward-config.ts';
import { InvalidInputError } from '../errors.ts';
import { toLocalIso } from '../time.ts';

/** What the web UI may ask of a counter through the cloud; a transfer also names the field. */
export type CounterAsk =
  | { readonly type: Extract<Command['type'], 'call_next' | 'recall' | 'complete' | 'no_show'> }
  | { readonly type: 'transfer'; readonly field: string };

/** The counter commands that need nothing but the counter. */
export type CounterCommandType = Exclude<CounterAsk['type'], 'transfer'>;

/**
 * A command lives 30 seconds: long enough for QoS 1 to get it to an online agent, short enough
 * that a clerk who pressed again on the console meanwhile is not called twice when a queued
 * command arrives after an outage (the agent drops expired ones).
 */
export const COMMAND_TTL_SECONDS = 30;

/** The command for a counter, as the agent's Command schema reads it. */
export function counterCommand(ask: CounterAsk, counter: number, id: string, now: Date): Command {
  return {
    id,
    ...ask,
    counter,
    expiresAt: toLocalIso(new Date(now.getTime() + COMMAND_TTL_SECONDS * 1000)),
  };
}

/** A command for a counter the ward does not have would be dropped by the agent: say so now. */
export function assertCounterOf(config: WardConfig, counter: number, wardId: string): void {
  if (config.queue.counters.some((c) => c.number === counter)) return;
  const known = config.queue.counters.map((c) => c.number).join(', ');
  throw new InvalidInputError('path.counter', `ward ${wardId} has no counter ${counter} (it has ${known})`);
}

/**
 * A ticket may only be sent to a field of the ward's queue that some counter serves: the agent
 * refuses an unknown field, and one no counter calls would leave the citizen waiting all day.
 */
export function assertTransferTarget(config: WardConfig, field: string, wardId: string): void {
  const { fields, counters } = config.queue;
  if (!fields.some((f) => f.id === field)) {
    const known = fields.map((f) => f.id).join(', ');
    throw new InvalidInputError('field', `ward ${wardId} has no queue field '${field}' (it has ${known})`);
  }
  if (!counters.some((c) => c.fields.includes(field))) {
    throw new InvalidInputError('field', `no counter of ward ${wardId} serves field '${field}'`);
  }
}
