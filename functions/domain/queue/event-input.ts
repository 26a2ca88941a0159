import { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import { isIsoInstant } from '../time.ts';

/** Why an event from an agent was skipped: its id and type when readable, and the broken fields. */
export interface RejectedEvent {
  readonly id?: string;
  readonly type?: string;
  /** `path: code` per problem; never the values, which are not ours to log. */
  readonly problems: readonly string[];
}

export type ParsedEvent =
  | { readonly ok: true; readonly event: QueueEvent }
  | { readonly ok: false; readonly rejected: RejectedEvent };

/**
 * Checks one event of a batch against the agent's own schema (the contract), plus what the
 * cloud's fold relies on beyond it: a real instant in `at` (time sums) and a counter number
 * that can be a key (1–99, as the agent's config allows).
 */
export function parseQueueEvent(raw: unknown): ParsedEvent {
  const parsed = QueueEvent.safeParse(raw);
  const problems = parsed.success
    ? extraProblems(parsed.data)
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.code}`);
  if (parsed.success && problems.length === 0) return { ok: true, event: parsed.data };
  return { ok: false, rejected: { ...readableIdentity(raw), problems } };
}

function extraProblems(event: QueueEvent): string[] {
  const problems: string[] = [];
  if (!isIsoInstant(event.at)) problems.push('at: not_an_instant');
  if ('counter' in event && !(Number.isInteger(event.counter) && event.counter >= 1 && event.counter <= 99))
    problems.push('counter: out_of_range');
  return problems;
}

/** The id and type of a broken event, only when they look like an id and a type. */
function readableIdentity(raw: unknown): { id?: string; type?: string } {
  if (typeof raw !== 'object' || raw === null) return {};
  const { id, type } = raw as { id?: unknown; type?: unknown };
  return {
    ...(typeof id === 'string' && /^[0-9A-Za-z]{1,32}$/.test(id) ? { id } : {}),
    ...(typeof type === 'string' && /^[a-z_]{1,40}$/.test(type) ? { type } : {}),
  };
}
