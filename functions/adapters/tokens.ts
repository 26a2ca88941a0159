import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { CLAIMS, type Principal, Role } from '#domain/auth/principal';
import { AuthenticationError, ForbiddenError } from '#domain/errors';
import { LOCAL_TOKEN_ISSUER, readEnv } from './env.ts';

let jwks: { issuer: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;

/**
 * Verifies `Authorization: Bearer <JWT>` and returns who is calling. In the cloud the token is a
 * Cognito id token (checked against the pool's keys even behind the API Gateway authorizer);
 * locally it is signed by the local token issuer with the same claims.
 */
export async function verifyBearer(authorization: string | undefined): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!match?.[1]) throw new AuthenticationError('an Authorization: Bearer <token> header is required');
  const payload = await verify(match[1]);
  return toPrincipal(payload);
}

async function verify(token: string): Promise<JWTPayload> {
  const env = readEnv();
  try {
    if (env.cognitoIssuer) {
      if (jwks?.issuer !== env.cognitoIssuer) {
        jwks = {
          issuer: env.cognitoIssuer,
          set: createRemoteJWKSet(new URL(`${env.cognitoIssuer}/.well-known/jwks.json`)),
        };
      }
      const { payload } = await jwtVerify(token, jwks.set, {
        issuer: env.cognitoIssuer,
        audience: env.cognitoClientId,
      });
      if (payload.token_use !== 'id') throw new AuthenticationError('an id token is required');
      return payload;
    }
    if (env.localJwtSecret) {
      const { payload } = await jwtVerify(token, new TextEncoder().encode(env.localJwtSecret), {
        issuer: LOCAL_TOKEN_ISSUER,
        algorithms: ['HS256'],
      });
      return payload;
    }
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError('the token is invalid or expired');
  }
  throw new Error('no token verifier is configured (MOTCUA_COGNITO_ISSUER or MOTCUA_LOCAL_JWT_SECRET)');
}

function toPrincipal(payload: JWTPayload): Principal {
  const userId = stringClaim(payload[CLAIMS.userId]) ?? payload.sub;
  if (!userId) throw new AuthenticationError('the token names no user');
  const groups = Array.isArray(payload[CLAIMS.groups]) ? (payload[CLAIMS.groups] as unknown[]) : [];
  const roles = groups.flatMap((g) => {
    const role = Role.safeParse(g);
    return role.success ? [role.data] : [];
  });
  if (roles.length === 0) throw new ForbiddenError('the user has no role in the one-stop shop');
  const principal: Principal = { userId, roles };
  const ward = stringClaim(payload[CLAIMS.ward]);
  const district = stringClaim(payload[CLAIMS.district]);
  if (ward) principal.wardId = ward;
  if (district) principal.districtId = district;
  return principal;
}

function stringClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
