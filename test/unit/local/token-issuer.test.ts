import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_TOKEN_ISSUER } from '#adapters/env';
import { verifyBearer } from '#adapters/tokens';
import { allWards, districts } from '#domain/catalogue/units';
import { demoUsernames, findDemoUser, issueToken, login } from '#infra/local/token-issuer';

const secret = 'a-test-secret-of-at-least-32-characters';

async function claimsOf(username: string) {
  const token = await login(username, 'demo', secret);
  if (!token) throw new Error(`no token for ${username}`);
  const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
    issuer: LOCAL_TOKEN_ISSUER,
  });
  return payload;
}

describe('demo users', () => {
  it('has four per ward, one per district and the city official', () => {
    expect(demoUsernames()).toHaveLength(allWards.length * 4 + districts.length + 1);
    expect(findDemoUser('clerk.hai-chau-i')).toEqual({
      username: 'clerk.hai-chau-i',
      role: 'clerk',
      wardId: 'hai-chau-i',
      districtId: 'hai-chau',
    });
    expect(findDemoUser('admin.hai-chau-i')?.role).toBe('ward_admin');
    expect(findDemoUser('district.son-tra')).toEqual({
      username: 'district.son-tra',
      role: 'district_official',
      districtId: 'son-tra',
    });
    expect(findDemoUser('city')).toEqual({ username: 'city', role: 'city_official' });
    expect(findDemoUser('clerk.nowhere')).toBeUndefined();
  });
});

describe('login', () => {
  it('gives a ward user the role, ward and district claims', async () => {
    const claims = await claimsOf('specialist.hai-chau-i');
    expect(claims).toMatchObject({
      iss: LOCAL_TOKEN_ISSUER,
      sub: 'specialist.hai-chau-i',
      token_use: 'id',
      'cognito:username': 'specialist.hai-chau-i',
      'cognito:groups': ['specialist'],
      'custom:ward': 'hai-chau-i',
      'custom:district': 'hai-chau',
    });
  });

  it('gives a district official the district claim and no ward', async () => {
    const claims = await claimsOf('district.hai-chau');
    expect(claims['cognito:groups']).toEqual(['district_official']);
    expect(claims['custom:district']).toBe('hai-chau');
    expect(claims).not.toHaveProperty('custom:ward');
  });

  it('gives the city official neither ward nor district', async () => {
    const claims = await claimsOf('city');
    expect(claims['cognito:groups']).toEqual(['city_official']);
    expect(claims).not.toHaveProperty('custom:ward');
    expect(claims).not.toHaveProperty('custom:district');
  });

  it('refuses a wrong password', async () => {
    expect(await login('clerk.hai-chau-i', 'Demo', secret)).toBeUndefined();
    expect(await login('clerk.hai-chau-i', '', secret)).toBeUndefined();
  });

  it('refuses an unknown user', async () => {
    expect(await login('clerk.atlantis', 'demo', secret)).toBeUndefined();
  });
});

describe('issueToken', () => {
  it('signs HS256 tokens valid for 12 hours', async () => {
    const user = findDemoUser('leader.hai-chau-i');
    if (!user) throw new Error('missing demo user');
    const token = await issueToken(user, secret, new Date('2026-01-05T08:00:00+07:00'));
    expect(decodeProtectedHeader(token).alg).toBe('HS256');
    const { iat, exp } = decodeJwt(token);
    expect(iat).toBe(Date.parse('2026-01-05T08:00:00+07:00') / 1000);
    expect((exp ?? 0) - (iat ?? 0)).toBe(12 * 3600);
  });

  it('is not accepted with another secret', async () => {
    const token = await login('city', 'demo', secret);
    await expect(
      jwtVerify(token ?? '', new TextEncoder().encode('another-secret-of-32-characters!!')),
    ).rejects.toThrow();
  });
});

describe('tokens and the functions’ verifier', () => {
  const saved = process.env.MOTCUA_LOCAL_JWT_SECRET;
  afterEach(() => {
    if (saved === undefined) delete process.env.MOTCUA_LOCAL_JWT_SECRET;
    else process.env.MOTCUA_LOCAL_JWT_SECRET = saved;
  });

  it('yields the principal the functions expect', async () => {
    process.env.MOTCUA_LOCAL_JWT_SECRET = secret;
    const token = await login('clerk.hai-chau-i', 'demo', secret);
    await expect(verifyBearer(`Bearer ${token}`)).resolves.toEqual({
      userId: 'clerk.hai-chau-i',
      roles: ['clerk'],
      wardId: 'hai-chau-i',
      districtId: 'hai-chau',
    });
  });
});
