import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes';
import { createRouteMatcher } from '#infra/local/route-matcher';

const match = createRouteMatcher(routes);

describe('createRouteMatcher', () => {
  it('prefers a literal segment over a {param} segment', () => {
    expect(match('GET', '/v1/calendar/due')).toMatchObject({
      kind: 'match',
      resource: '/v1/calendar/due',
      pathParameters: null,
    });
    expect(match('GET', '/v1/calendar/2026')).toMatchObject({
      kind: 'match',
      resource: '/v1/calendar/{year}',
      pathParameters: { year: '2026' },
    });
  });

  it('prefers the literal whatever the order of the route list', () => {
    const reversed = createRouteMatcher([...routes].reverse());
    expect(reversed('GET', '/v1/calendar/due')).toMatchObject({ resource: '/v1/calendar/due' });
  });

  it('decides at the first segment where templates differ', () => {
    const matcher = createRouteMatcher([
      { method: 'GET', path: '/a/{x}/c' },
      { method: 'GET', path: '/a/b/{y}' },
    ]);
    expect(matcher('GET', '/a/b/c')).toMatchObject({ resource: '/a/b/{y}', pathParameters: { y: 'c' } });
    expect(matcher('GET', '/a/z/c')).toMatchObject({ resource: '/a/{x}/c', pathParameters: { x: 'z' } });
  });

  it('URL-decodes path parameters', () => {
    const code = '000.01.01.H17-260105-0001';
    expect(match('GET', `/v1/dossiers/${encodeURIComponent(code)}`)).toMatchObject({
      pathParameters: { code },
    });
    expect(match('GET', '/v1/wards/h%E1%BA%A3i%20ch%C3%A2u/dossiers')).toMatchObject({
      pathParameters: { wardId: 'hải châu' },
    });
  });

  it('keeps a malformed escape as sent', () => {
    expect(match('GET', '/v1/dossiers/%E0%A4%A')).toMatchObject({ pathParameters: { code: '%E0%A4%A' } });
  });

  it('returns the route it matched', () => {
    expect(match('POST', '/v1/dossiers/X/actions')).toMatchObject({ route: { module: 'dossiers/act' } });
  });

  it('ignores one trailing slash', () => {
    expect(match('GET', '/v1/units/')).toMatchObject({ kind: 'match', resource: '/v1/units' });
  });

  it('answers not_found for an unknown path, a wrong depth or an empty parameter', () => {
    expect(match('GET', '/v1/nothing')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/v1/dossiers/X/actions/more')).toEqual({ kind: 'not_found' });
    expect(match('POST', '/v1/dossiers//actions')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/')).toEqual({ kind: 'not_found' });
  });

  it('answers method_not_allowed with the allowed methods for a known path', () => {
    expect(match('DELETE', '/v1/calendar/2026')).toEqual({
      kind: 'method_not_allowed',
      allow: ['GET', 'PUT'],
    });
  });

  it('does not fall back to a {param} route when the literal one lacks the method', () => {
    expect(match('PUT', '/v1/calendar/due')).toEqual({ kind: 'method_not_allowed', allow: ['GET'] });
  });
});
