import type { PriorityKind, QueueEvent } from './queue/events.ts';

/** What the kiosk learns when it issues a ticket. */
export interface TicketIssued {
  readonly number: string;
  readonly field: string;
  readonly fieldName: string;
  readonly issuedAt: string;
  readonly ahead: number;
  /** False when the printer could not print it: the kiosk shows the ticket on screen instead. */
  readonly printed: boolean;
  /** Why it was not printed, in Vietnamese (e.g. "Máy in hết giấy"). */
  readonly printerProblem?: string;
}

export type CounterAction = 'call_next' | 'recall' | 'complete' | 'no_show' | 'transfer';

/** A counter session, after a clerk logged in with their PIN. */
export interface CounterSession {
  readonly counter: number;
  readonly clerk: string;
}

export interface CounterView {
  readonly counter: number;
  readonly fields: readonly string[];
  readonly clerk?: string;
  readonly serving?: string;
}

export interface FieldView {
  readonly field: string;
  readonly name: string;
  readonly prefix: string;
  readonly waiting: number;
  readonly issuedToday: number;
  readonly servedToday: number;
  readonly noShowToday: number;
}

export interface DeviceView {
  readonly id: string;
  readonly kind: 'printer' | 'led_board' | 'keypad' | 'display' | 'audio' | 'store';
  readonly ok: boolean;
  readonly detail?: string;
}

/** The live picture the LAN pages show. */
export interface AgentSnapshot {
  readonly ward: { readonly id: string; readonly name: string };
  readonly day: string;
  readonly cloud: { readonly online: boolean; readonly outboxDepth: number };
  readonly counters: readonly CounterView[];
  readonly fields: readonly FieldView[];
  /** Most recent first. */
  readonly recentCalls: readonly { number: string; counter: number; at: string }[];
  readonly devices: readonly DeviceView[];
}

/** Pushed to live pages (SSE): the new snapshot and, for calls, what to announce. */
export interface LiveUpdate {
  readonly snapshot: AgentSnapshot;
  readonly events: readonly QueueEvent[];
}

/** Why the agent refused something; `status` is the HTTP status the LAN server answers. */
export class AgentError extends Error {
  override readonly name = 'AgentError';
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 503,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The agent as the LAN server sees it. Everything here works without the cloud: the counter
 * console and kiosk talk to the agent on the LAN, so "call next" never depends on the network.
 */
export interface AgentApi {
  issueTicket(field: string, priority: PriorityKind | null): Promise<TicketIssued>;
  /** Checks the clerk's PIN and opens a session at the counter (logging the clerk in). */
  loginClerk(
    counter: number,
    clerk: string,
    pin: string,
  ): Promise<{ token: string; session: CounterSession }>;
  /** The session a bearer token stands for, or undefined when invalid or expired. */
  session(token: string): CounterSession | undefined;
  counterAction(
    session: CounterSession,
    action: CounterAction,
    args?: { field?: string },
  ): Promise<{ events: readonly QueueEvent[]; serving?: string }>;
  logoutClerk(session: CounterSession): Promise<void>;
  rate(counter: number, score: number): Promise<void>;
  rejoin(number: string): Promise<void>;
  snapshot(): AgentSnapshot;
  subscribe(listener: (update: LiveUpdate) => void): () => void;
  /** The spoken call for a ticket at a counter, as a WAV file. */
  announcement(number: string, counter: number): Promise<Buffer>;
}
