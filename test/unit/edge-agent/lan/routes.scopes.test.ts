import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLan } from './fake-agent.ts';

/** Who may do what: counter commands need that counter's session; staff cannot rate. */

let lan: Awaited<ReturnType<typeof startLan>>;
beforeEach(async () => {
  lan = await startLan();
});
afterEach(() => lan.server.stop());

const COMMANDS = ['call-next', 'recall', 'complete', 'no-show', 'transfer', 'logout'];
const bodyOf = (path: string) => (path === 'transfer' ? { field: 'ho-tich' } : undefined);

describe('Counter commands', () => {
  it.each(COMMANDS)('%s answers 401 without a session token', async (path) => {
    const { status, json, headers } = await lan.call('POST', `/api/counters/2/${path}`, {
      body: bodyOf(path),
    });

    expect(status).toBe(401);
    expect(json.error.code).toBe('unauthenticated');
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(lan.agent.calls.some((c) => c.method === 'counterAction' || c.method === 'logoutClerk')).toBe(
      false,
    );
  });

  it.each(COMMANDS)('%s answers 401 with an invalid token', async (path) => {
    const { status, json } = await lan.call('POST', `/api/counters/2/${path}`, {
      token: 'forged',
      body: bodyOf(path),
    });

    expect(status).toBe(401);
    expect(json.error.code).toBe('invalid_session');
  });

  it.each(COMMANDS)("%s answers 403 with another counter's session", async (path) => {
    const token = await lan.login(1);

    const { status, json } = await lan.call('POST', `/api/counters/2/${path}`, { token, body: bodyOf(path) });

    expect(status).toBe(403);
    expect(json.error).toEqual({
      code: 'wrong_counter',
      message: 'this session belongs to counter 1, not counter 2',
    });
    expect(lan.agent.calls.some((c) => c.method === 'counterAction' || c.method === 'logoutClerk')).toBe(
      false,
    );
  });

  it('answers 401 for an Authorization header that is not a bearer token', async () => {
    const { status } = await lan.call('POST', '/api/counters/2/call-next', {
      headers: { authorization: 'Basic abc' },
    });

    expect(status).toBe(401);
  });

  it('checks the session before reading the counter number', async () => {
    const { status } = await lan.call('POST', '/api/counters/abc/call-next');

    expect(status).toBe(401);
  });
});

describe('Ratings', () => {
  it('refuses a rating sent with a clerk session token (staff cannot rate)', async () => {
    const token = await lan.login(2);

    const { status, json } = await lan.call('POST', '/api/ratings', {
      token,
      body: { counter: 2, score: 4 },
    });

    expect(status).toBe(403);
    expect(json.error.code).toBe('staff_cannot_rate');
    expect(lan.agent.calls.some((c) => c.method === 'rate')).toBe(false);
  });

  it('refuses a rating with any Authorization header, valid or not', async () => {
    const { status } = await lan.call('POST', '/api/ratings', {
      token: 'whatever',
      body: { counter: 2, score: 1 },
    });

    expect(status).toBe(403);
  });
});

describe('Cross-site requests', () => {
  it('refuses a POST whose Origin is another site', async () => {
    const { status, json } = await lan.call('POST', '/api/tickets', {
      body: { field: 'ho-tich' },
      headers: { origin: 'http://evil.example' },
    });

    expect(status).toBe(403);
    expect(json.error.code).toBe('cross_origin');
    expect(lan.agent.calls.some((c) => c.method === 'issueTicket')).toBe(false);
  });

  it('accepts a POST from its own pages', async () => {
    const { status } = await lan.call('POST', '/api/tickets', {
      body: { field: 'ho-tich' },
      headers: { origin: lan.url },
    });

    expect(status).toBe(201);
  });
});

describe('Login throttle', () => {
  it('answers 429 after five wrong PINs from one device, and a good PIN then waits too', async () => {
    for (let i = 0; i < 5; i++) {
      const { status } = await lan.call('POST', '/api/counters/2/login', {
        body: { clerk: 'cb07', pin: '0000' },
      });
      expect(status).toBe(401);
    }

    const { status, json, headers } = await lan.call('POST', '/api/counters/2/login', {
      body: { clerk: 'cb07', pin: '2468' },
    });

    expect(status).toBe(429);
    expect(json.error.code).toBe('too_many_attempts');
    expect(Number(headers.get('retry-after'))).toBeGreaterThan(0);
    expect(lan.agent.calls.filter((c) => c.method === 'loginClerk')).toHaveLength(5);
  });
});
