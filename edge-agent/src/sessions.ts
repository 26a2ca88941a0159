import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { CounterSession } from './agent-api.ts';
import type { StaffMember } from './ward-config.ts';

const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

/** Hashes a PIN for the staff list (`scrypt$<salt>$<hash>`). */
export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): string {
  return `scrypt$${salt}$${scryptSync(pin, salt, 32).toString('hex')}`;
}

export function pinMatches(pin: string, pinHash: string): boolean {
  const [, salt, hash] = pinHash.split('$');
  if (!salt || !hash) return false;
  const actual = scryptSync(pin, salt, 32);
  return timingSafeEqual(actual, Buffer.from(hash, 'hex'));
}

/**
 * Counter sessions: a clerk proves a PIN once and gets a token bound to the counter and the
 * day, signed with the agent's secret, so sessions survive an agent restart. PINs are short:
 * five wrong tries lock the counter's login for a minute.
 */
export class CounterSessions {
  readonly #failures = new Map<number, { count: number; until: number }>();

  constructor(
    private readonly secret: Buffer,
    private readonly now: () => Date,
  ) {}

  /** A token for the clerk at the counter, or a reason it was refused. */
  login(
    counter: number,
    clerk: string,
    pin: string,
    staff: readonly StaffMember[],
    day: string,
  ): { token: string } | { refused: 'locked' | 'wrong_pin' } {
    const failures = this.#failures.get(counter);
    if (failures && failures.count >= MAX_FAILURES && failures.until > this.now().getTime())
      return { refused: 'locked' };
    const member = staff.find((s) => s.id === clerk);
    if (!member || !pinMatches(pin, member.pinHash)) {
      const count = failures && failures.until > this.now().getTime() ? failures.count + 1 : 1;
      this.#failures.set(counter, { count, until: this.now().getTime() + LOCKOUT_MS });
      return { refused: 'wrong_pin' };
    }
    this.#failures.delete(counter);
    const payload = Buffer.from(JSON.stringify({ counter, clerk, day })).toString('base64url');
    return { token: `${payload}.${this.#sign(payload)}` };
  }

  /** The session of a token, if its signature holds and it was issued today. */
  verify(token: string, day: string): CounterSession | undefined {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return undefined;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CounterSession & {
        day: string;
      };
      return session.day === day ? { counter: session.counter, clerk: session.clerk } : undefined;
    } catch {
      return undefined;
    }
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
