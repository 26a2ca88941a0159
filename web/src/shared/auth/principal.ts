import type { Principal, Role } from '../../../../functions/domain/auth/principal.ts';

export type { Principal, Role };

/** The claim names of functions/domain/auth/principal.ts (Cognito's). */
const CLAIMS = {
  userId: 'cognito:username',
  groups: 'cognito:groups',
  ward: 'custom:ward',
  district: 'custom:district',
} as const;

const ROLES: readonly Role[] = [
  'clerk',
  'specialist',
  'leader',
  'ward_admin',
  'district_official',
  'city_official',
];

/** A signed-in user: who they are and until when the token holds. */
export interface Session {
  readonly token: string;
  readonly principal: Principal;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

function decodePart(part: string): unknown {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
    c.charCodeAt(0),
  );
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Reads a token's claims to decide what the UI shows. The API verifies the signature on every
 * call; the browser only needs to know which screens to offer.
 */
export function sessionOf(token: string): Session | undefined {
  try {
    const claims = decodePart(token.split('.')[1] ?? '') as Record<string, unknown>;
    const groups = claims[CLAIMS.groups];
    const roles = (Array.isArray(groups) ? groups : []).filter((g): g is Role => ROLES.includes(g as Role));
    const userId = claims[CLAIMS.userId] ?? claims.sub;
    if (typeof userId !== 'string' || roles.length === 0 || typeof claims.exp !== 'number') return undefined;
    const ward = claims[CLAIMS.ward];
    const district = claims[CLAIMS.district];
    return {
      token,
      expiresAt: claims.exp * 1000,
      principal: {
        userId,
        roles,
        ...(typeof ward === 'string' ? { wardId: ward } : {}),
        ...(typeof district === 'string' ? { districtId: district } : {}),
      },
    };
  } catch {
    return undefined;
  }
}

export function hasRole(session: Session | undefined, ...roles: Role[]): boolean {
  return !!session && session.principal.roles.some((r) => roles.includes(r));
}
