import {
  type AgentApi,
  AgentError,
  type AgentSnapshot,
  type CounterAction,
  type CounterSession,
  type LiveUpdate,
  type TicketIssued,
} from '../../../../edge-agent/src/agent-api.ts';
import { LanServer } from '../../../../edge-agent/src/lan/server.ts';
import type { PriorityKind, QueueEvent } from '../../../../edge-agent/src/queue/events.ts';

/** The PIN every fake clerk has. */
export const PIN = '2468';

export const SNAPSHOT: AgentSnapshot = {
  ward: { id: 'hai-chau', name: 'Phường Hải Châu' },
  day: '2026-03-02',
  cloud: { online: false, outboxDepth: 7 },
  counters: [
    { counter: 1, fields: ['chung-thuc'], clerk: 'cb01', serving: 'B004' },
    { counter: 2, fields: ['chung-thuc', 'ho-tich'] },
  ],
  fields: [
    {
      field: 'chung-thuc',
      name: 'Chứng thực',
      prefix: 'B',
      waiting: 3,
      issuedToday: 7,
      servedToday: 3,
      noShowToday: 0,
    },
    {
      field: 'ho-tich',
      name: 'Hộ tịch',
      prefix: 'C',
      waiting: 1,
      issuedToday: 1,
      servedToday: 0,
      noShowToday: 0,
    },
  ],
  recentCalls: [{ number: 'B004', counter: 1, at: '2026-03-02T08:15:00+07:00' }],
  devices: [],
};

/** A ticket_called event as the engine would publish it. */
export function calledEvent(number: string, counter: number): QueueEvent {
  return {
    id: '01JNQ7Z8W5X0000000000000AA',
    at: '2026-03-02T08:20:00+07:00',
    day: '2026-03-02',
    type: 'ticket_called',
    number,
    counter,
    clerk: 'cb01',
  };
}

/**
 * An AgentApi that records what the LAN server asks of it and answers like the real agent
 * would, so the HTTP layer is tested alone. `fail` makes the next call of a method throw.
 */
export class FakeAgent implements AgentApi {
  readonly calls: { method: string; args: unknown[] }[] = [];
  readonly listeners = new Set<(update: LiveUpdate) => void>();
  readonly #sessions = new Map<string, CounterSession>();
  #tokens = 0;
  #failures = new Map<string, unknown>();
  printed = true;

  /** The next call of `method` throws `error`. */
  fail(method: keyof AgentApi, error: unknown): void {
    this.#failures.set(method, error);
  }

  /** Pushes a live update to the subscribers, as the agent does after each change. */
  emit(update: LiveUpdate): void {
    for (const listener of this.listeners) listener(update);
  }

  async issueTicket(field: string, priority: PriorityKind | null): Promise<TicketIssued> {
    this.#record('issueTicket', field, priority);
    const known = SNAPSHOT.fields.find((f) => f.field === field);
    if (!known) throw new AgentError(404, 'unknown_field', `unknown field '${field}'`);
    return {
      number: `${known.prefix}008`,
      field,
      fieldName: known.name,
      issuedAt: '2026-03-02T08:21:00+07:00',
      ahead: priority ? 0 : known.waiting,
      printed: this.printed,
      ...(this.printed ? {} : { printerProblem: 'Máy in hết giấy' }),
    };
  }

  async loginClerk(counter: number, clerk: string, pin: string) {
    this.#record('loginClerk', counter, clerk, pin);
    if (pin !== PIN) throw new AgentError(401, 'wrong_pin', 'wrong clerk code or PIN');
    const token = `token-${++this.#tokens}`;
    const session = { counter, clerk };
    this.#sessions.set(token, session);
    return { token, session };
  }

  session(token: string): CounterSession | undefined {
    return this.#sessions.get(token);
  }

  async counterAction(session: CounterSession, action: CounterAction, args?: { field?: string }) {
    this.#record('counterAction', session, action, args);
    if (action === 'call_next') return { events: [calledEvent('B005', session.counter)], serving: 'B005' };
    return { events: [] };
  }

  async logoutClerk(session: CounterSession): Promise<void> {
    this.#record('logoutClerk', session);
    for (const [token, s] of this.#sessions) if (s === session) this.#sessions.delete(token);
  }

  async rate(counter: number, score: number): Promise<void> {
    this.#record('rate', counter, score);
  }

  async rejoin(number: string): Promise<void> {
    this.#record('rejoin', number);
  }

  snapshot(): AgentSnapshot {
    this.#record('snapshot');
    return SNAPSHOT;
  }

  subscribe(listener: (update: LiveUpdate) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async announcement(number: string, counter: number): Promise<Buffer> {
    this.#record('announcement', number, counter);
    return Buffer.from(`RIFF....WAVEfmt ${number}@${counter}`);
  }

  #record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const failure = this.#failures.get(method);
    if (failure !== undefined) {
      this.#failures.delete(method);
      throw failure;
    }
  }
}

/** A LanServer on 127.0.0.1 and a free port, with a FakeAgent; `stop` in afterEach. */
export async function startLan(options: { heartbeatMs?: number; wardName?: string } = {}) {
  const agent = new FakeAgent();
  const errors: unknown[] = [];
  const server = new LanServer({
    agent,
    host: '127.0.0.1',
    port: 0,
    wardName: options.wardName ?? 'Phường Hải Châu',
    heartbeatMs: options.heartbeatMs,
    onError: (error) => errors.push(error),
  });
  const { url } = await server.start();
  /** A JSON request; `body` is sent as JSON unless `raw` gives the exact bytes. */
  const call = async (
    method: string,
    path: string,
    init: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: typeof init.body === 'string' || init.body === undefined ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.startsWith('application/json')
      ? JSON.parse(text)
      : undefined;
    return { status: response.status, headers: response.headers, json, text };
  };
  /** Logs a clerk in at `counter` and returns the token. */
  const login = async (counter: number, clerk = 'cb01') => {
    const { json } = await call('POST', `/api/counters/${counter}/login`, { body: { clerk, pin: PIN } });
    return json.token as string;
  };
  return { agent, server, url, errors, call, login };
}
