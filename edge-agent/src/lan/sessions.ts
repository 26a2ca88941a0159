import type { IncomingMessage } from 'node:http';
import type { AgentApi, CounterSession } from '../agent-api.ts';
import { HttpError } from './http.ts';

/**
 * Who may do what on the LAN: counter commands need the session of that very counter; the
 * kiosk, display and rating pad are open (the LAN is the boundary); ratings refuse staff.
 */

const CHALLENGE = { 'www-authenticate': 'Bearer realm="motcua-counter"' };

/** The clerk session the request carries: 401 without a token or with an invalid or expired one. */
export function requireSession(agent: AgentApi, req: IncomingMessage): CounterSession {
  const header = req.headers.authorization;
  if (!header) {
    throw new HttpError(
      401,
      'unauthenticated',
      'a clerk session is required: log in at the counter and send Authorization: Bearer <token>',
      undefined,
      CHALLENGE,
    );
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  const session = token ? agent.session(token) : undefined;
  if (!session) {
    throw new HttpError(
      401,
      'invalid_session',
      'the session token is invalid or has expired; log in again',
      undefined,
      CHALLENGE,
    );
  }
  return session;
}

/** 403 unless the session is the one of `counter`: a clerk commands only their own counter. */
export function requireCounter(session: CounterSession, counter: number): void {
  if (session.counter !== counter) {
    throw new HttpError(
      403,
      'wrong_counter',
      `this session belongs to counter ${session.counter}, not counter ${counter}`,
    );
  }
}

/**
 * Ratings come from the citizen's pad, which never sends credentials. Any Authorization header
 * means a staff console (or someone holding a clerk token), and staff must not rate themselves.
 */
export function refuseStaff(req: IncomingMessage): void {
  if (req.headers.authorization !== undefined) {
    throw new HttpError(
      403,
      'staff_cannot_rate',
      'ratings come from the rating pad; staff cannot submit them',
    );
  }
}

/**
 * Slows PIN guessing from one LAN address: after `max` wrong logins within `windowMs`, further
 * attempts get 429 until the oldest failure ages out. PINs are short and the ward Wi-Fi may be
 * shared with the public, so the HTTP layer (which knows the address) puts a brake on it.
 */
export class LoginThrottle {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly max = 5,
    private readonly windowMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws 429 while `address` is locked out. */
  check(address: string): void {
    const recent = this.#recent(address);
    if (recent.length < this.max) return;
    const retryAfter = Math.ceil(((recent[0] as number) + this.windowMs - this.now()) / 1000);
    throw new HttpError(
      429,
      'too_many_attempts',
      `too many wrong logins from this device; try again in ${retryAfter} s`,
      undefined,
      { 'retry-after': String(retryAfter) },
    );
  }

  failed(address: string): void {
    this.#failures.set(address, [...this.#recent(address), this.now()]);
  }

  succeeded(address: string): void {
    this.#failures.delete(address);
  }

  #recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#failures.get(address) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(address);
    else this.#failures.set(address, recent);
    return recent;
  }
}
