import { createHash, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import { LOCAL_TOKEN_ISSUER } from '#adapters/env';
import { CLAIMS, type Role } from '#domain/auth/principal';
import { allWards, districts } from '#domain/catalogue/units';

/**
 * The local stand-in for Cognito: seeded demo users and HS256 id tokens carrying the same
 * claims as the user pool's, so functions verify both the same way (functions/adapters/tokens.ts).
 */
export interface DemoUser {
  readonly username: string;
  readonly role: Role;
  readonly wardId?: string;
  readonly districtId?: string;
}

/** The password of every demo user. */
export const DEMO_PASSWORD = 'demo';

/** Lifetime of a token: a working day and then some, like a Cognito id token refreshed all day. */
export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

/** Username prefix of each ward role: `clerk.<wardId>`, `admin.<wardId>`… */
const WARD_ROLES = [
  ['clerk', 'clerk'],
  ['specialist', 'specialist'],
  ['leader', 'leader'],
  ['admin', 'ward_admin'],
] as const satisfies readonly (readonly [string, Role])[];

const users: ReadonlyMap<string, DemoUser> = new Map(
  [
    ...allWards.flatMap((ward) =>
      WARD_ROLES.map(([prefix, role]) => ({
        username: `${prefix}.${ward.id}`,
        role,
        wardId: ward.id,
        districtId: ward.districtId,
      })),
    ),
    ...districts.map((d) => ({
      username: `district.${d.id}`,
      role: 'district_official' as const,
      districtId: d.id,
    })),
    { username: 'city', role: 'city_official' as const },
  ].map((user) => [user.username, user]),
);

/** Every demo user: four per ward, one per district, and `city`. */
export function demoUsers(): readonly DemoUser[] {
  return [...users.values()];
}

export function demoUsernames(): string[] {
  return [...users.keys()];
}

export function findDemoUser(username: string): DemoUser | undefined {
  return users.get(username);
}

/** A signed token for a known user and the right password; undefined otherwise. */
export async function login(username: string, password: string, secret: string): Promise<string | undefined> {
  const user = findDemoUser(username);
  // Compared even for unknown users so the answer time does not tell which usernames exist.
  const passwordMatches = sameSecret(password, DEMO_PASSWORD);
  return user && passwordMatches ? issueToken(user, secret) : undefined;
}

/** An HS256 id token with Cognito's claim names, valid for TOKEN_LIFETIME_SECONDS. */
export async function issueToken(user: DemoUser, secret: string, now: Date = new Date()): Promise<string> {
  const claims: Record<string, unknown> = {
    token_use: 'id',
    [CLAIMS.userId]: user.username,
    [CLAIMS.groups]: [user.role],
  };
  if (user.wardId) claims[CLAIMS.ward] = user.wardId;
  if (user.districtId) claims[CLAIMS.district] = user.districtId;
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(LOCAL_TOKEN_ISSUER)
    .setSubject(user.username)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(new TextEncoder().encode(secret));
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
