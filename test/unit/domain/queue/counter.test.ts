import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clerkLogEntry, clerkOf } from '#domain/queue/counter';

const login = (id: string, clerk: string) =>
  clerkLogEntry({
    id,
    at: '2026-03-02T08:00:00+07:00',
    day: '2026-03-02',
    type: 'clerk_logged_in',
    counter: 2,
    clerk,
  });
const logout = (id: string, clerk: string) =>
  clerkLogEntry({
    id,
    at: '2026-03-02T08:00:00+07:00',
    day: '2026-03-02',
    type: 'clerk_logged_out',
    counter: 2,
    clerk,
  });

describe('Function: clerkOf', () => {
  const entries = [login('01', 'cb01'), logout('02', 'cb01'), login('03', 'cb02 (ca chiều)')];

  it('applies the logins and logouts in id order, whatever order they are stored in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 3, maxLength: 3 }), (stored) => {
        expect(clerkOf(stored)).toBe('cb02 (ca chiều)');
      }),
    );
  });

  it('leaves the counter empty after the last clerk logs out, and ignores another clerk logging out', () => {
    expect(clerkOf([login('01', 'cb01'), logout('02', 'cb01')])).toBeUndefined();
    expect(clerkOf([login('01', 'cb01'), logout('02', 'cb09')])).toBe('cb01');
  });
});
