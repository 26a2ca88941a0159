import { describe, expect, it } from 'vitest';
import { hasRole, sessionOf } from '../../../../web/src/shared/auth/principal.ts';

function token(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part(claims)}.signature`;
}

describe('reading a token for the screens to offer', () => {
  it('takes the user, roles, ward and expiry from the Cognito claim names', () => {
    const session = sessionOf(
      token({
        'cognito:username': 'clerk.hai-chau-i',
        'cognito:groups': ['clerk', 'not-a-role'],
        'custom:ward': 'hai-chau-i',
        'custom:district': 'hai-chau',
        exp: 2_000_000_000,
      }),
    );
    expect(session?.principal).toEqual({
      userId: 'clerk.hai-chau-i',
      roles: ['clerk'],
      wardId: 'hai-chau-i',
      districtId: 'hai-chau',
    });
    expect(session?.expiresAt).toBe(2_000_000_000_000);
    expect(hasRole(session, 'clerk')).toBe(true);
    expect(hasRole(session, 'leader', 'ward_admin')).toBe(false);
  });

  it('reads Vietnamese text in claims as UTF-8', () => {
    const session = sessionOf(
      token({ 'cognito:username': 'cán.bộ', 'cognito:groups': ['city_official'], exp: 2_000_000_000 }),
    );
    expect(session?.principal.userId).toBe('cán.bộ');
  });

  it('refuses tokens without one-stop roles, without expiry, or not tokens at all', () => {
    expect(
      sessionOf(token({ 'cognito:username': 'x', 'cognito:groups': ['admin'], exp: 1 })),
    ).toBeUndefined();
    expect(sessionOf(token({ 'cognito:username': 'x', 'cognito:groups': ['clerk'] }))).toBeUndefined();
    expect(sessionOf('garbage')).toBeUndefined();
    expect(hasRole(undefined, 'clerk')).toBe(false);
  });
});
