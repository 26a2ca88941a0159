import { describe, expect, it } from 'vitest';
import { createRouter, splitPath } from '../../../../edge-agent/src/lan/router.ts';

describe('Function: splitPath', () => {
  it('decodes each segment', () => {
    expect(splitPath('/api/tickets/B004/rejoin')).toEqual(['api', 'tickets', 'B004', 'rejoin']);
    expect(splitPath('/static/ph%C6%B0%E1%BB%9Dng.css')).toEqual(['static', 'phường.css']);
  });

  it('reads "/" as no segments and forgives one trailing slash', () => {
    expect(splitPath('/')).toEqual([]);
    expect(splitPath('/kiosk/')).toEqual(['kiosk']);
  });

  it.each([
    '/a/../b',
    '/a/./b',
    '/a//b',
    '/a/%2e%2e/b',
    '/a/b%2Fc',
    '/a/b%5Cc',
    '/a/b%00',
    '/a/%E0%A4%A',
    'a/b',
  ])('refuses %s', (path) => {
    expect(splitPath(path)).toBeUndefined();
  });
});

describe('Function: createRouter', () => {
  const match = createRouter([
    { method: 'POST', path: '/api/counters/:counter/call-next', name: 'next' },
    { method: 'GET', path: '/api/announcements/:number/:counter.wav', name: 'wav' },
    { method: 'GET', path: '/api/state', name: 'state' },
  ]);

  it('finds a route and its parameters', () => {
    expect(match('POST', '/api/counters/7/call-next')).toMatchObject({
      kind: 'found',
      params: { counter: '7' },
    });
  });

  it('takes a parameter up to its fixed suffix', () => {
    expect(match('GET', '/api/announcements/B004/12.wav')).toMatchObject({
      kind: 'found',
      params: { number: 'B004', counter: '12' },
    });
    expect(match('GET', '/api/announcements/B004/12.mp3')).toEqual({ kind: 'not_found' });
    expect(match('GET', '/api/announcements/B004/.wav')).toEqual({ kind: 'not_found' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(match('GET', '/api/counters/7/call-next')).toEqual({
      kind: 'method_not_allowed',
      allow: ['POST'],
    });
    expect(match('GET', '/api/counters/7/call-later')).toEqual({ kind: 'not_found' });
  });
});
