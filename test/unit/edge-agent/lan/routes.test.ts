import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../../../edge-agent/src/agent-api.ts';
import { SNAPSHOT, startLan } from './fake-agent.ts';

let lan: Awaited<ReturnType<typeof startLan>>;
beforeEach(async () => {
  lan = await startLan();
});
afterEach(() => lan.server.stop());

describe('Class: LanServer', () => {
  describe('Route: POST /api/tickets', () => {
    it('issues a ticket and answers 201 with the TicketIssued fields', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', { body: { field: 'chung-thuc' } });

      expect(status).toBe(201);
      expect(json).toEqual({
        number: 'B008',
        field: 'chung-thuc',
        fieldName: 'Chứng thực',
        issuedAt: '2026-03-02T08:21:00+07:00',
        ahead: 3,
        printed: true,
      });
      expect(lan.agent.calls.at(-1)).toEqual({ method: 'issueTicket', args: ['chung-thuc', null] });
    });

    it('passes the priority group on', async () => {
      const { status } = await lan.call('POST', '/api/tickets', {
        body: { field: 'ho-tich', priority: 'pregnant' },
      });

      expect(status).toBe(201);
      expect(lan.agent.calls.at(-1)).toEqual({ method: 'issueTicket', args: ['ho-tich', 'pregnant'] });
    });

    it('tells the kiosk when the ticket was not printed, and why', async () => {
      lan.agent.printed = false;

      const { json } = await lan.call('POST', '/api/tickets', { body: { field: 'chung-thuc' } });

      expect(json).toMatchObject({ number: 'B008', printed: false, printerProblem: 'Máy in hết giấy' });
    });

    it('names the missing field', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', { body: {} });

      expect(status).toBe(400);
      expect(json.error).toMatchObject({
        code: 'invalid_request',
        fields: [{ field: 'field', reason: 'is required' }],
      });
      expect(json.error.message).toContain('field is required');
    });

    it('names an unknown priority and the allowed ones', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', {
        body: { field: 'ho-tich', priority: 'vip' },
      });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([
        { field: 'priority', reason: 'must be one of elderly, disabled, pregnant, young_children' },
      ]);
    });

    it('refuses unknown fields in the body', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', {
        body: { field: 'ho-tich', vip: true },
      });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([{ field: '(body)', reason: 'has unknown field(s): vip' }]);
    });

    it('refuses a body that is not an object', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', { body: '[1,2]' });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([{ field: '(body)', reason: 'must be a JSON object' }]);
    });

    it("answers the agent's refusal with the agent's status and code", async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', { body: { field: 'dat-dai' } });

      expect(status).toBe(404);
      expect(json).toEqual({ error: { code: 'unknown_field', message: "unknown field 'dat-dai'" } });
    });
  });

  describe('Route: POST /api/tickets/{number}/rejoin', () => {
    it('rejoins without a session (the kiosk offers it)', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets/B004/rejoin');

      expect(status).toBe(200);
      expect(json).toEqual({ number: 'B004', rejoined: true });
      expect(lan.agent.calls.at(-1)).toEqual({ method: 'rejoin', args: ['B004'] });
    });

    it('answers 409 when the rejoin window has closed', async () => {
      lan.agent.fail(
        'rejoin',
        new AgentError(409, 'rejoin_closed', 'ticket B004 cannot rejoin the queue now'),
      );

      const { status, json } = await lan.call('POST', '/api/tickets/B004/rejoin');

      expect(status).toBe(409);
      expect(json.error.code).toBe('rejoin_closed');
    });

    it('names a malformed ticket number', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets/b4/rejoin');

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([
        { field: 'path.number', reason: 'must be a ticket number such as A012' },
      ]);
    });
  });

  describe('Route: POST /api/counters/{n}/login and /logout', () => {
    it('logs the clerk in and returns a token', async () => {
      const { status, json } = await lan.call('POST', '/api/counters/2/login', {
        body: { clerk: 'cb07', pin: '2468' },
      });

      expect(status).toBe(200);
      expect(json).toEqual({ token: expect.any(String), counter: 2, clerk: 'cb07' });
    });

    it('answers 401 for a wrong PIN', async () => {
      const { status, json } = await lan.call('POST', '/api/counters/2/login', {
        body: { clerk: 'cb07', pin: '0000' },
      });

      expect(status).toBe(401);
      expect(json.error.code).toBe('wrong_pin');
    });

    it('names each missing credential', async () => {
      const { status, json } = await lan.call('POST', '/api/counters/2/login', { body: { pin: 2468 } });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([
        { field: 'clerk', reason: 'is required' },
        { field: 'pin', reason: 'must be the PIN, as text' },
      ]);
    });

    it('names a counter that is not a number', async () => {
      const { status, json } = await lan.call('POST', '/api/counters/0x2/login', {
        body: { clerk: 'a', pin: '1' },
      });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([
        { field: 'path.counter', reason: 'must be a counter number from 1 to 99' },
      ]);
    });

    it('logs out with 204, after which the token no longer works', async () => {
      const token = await lan.login(2);

      const logout = await lan.call('POST', '/api/counters/2/logout', { token });
      const after = await lan.call('POST', '/api/counters/2/call-next', { token });

      expect(logout.status).toBe(204);
      expect(after.status).toBe(401);
    });
  });

  describe('Route: POST /api/counters/{n}/{action}', () => {
    it.each([
      ['call-next', 'call_next'],
      ['recall', 'recall'],
      ['complete', 'complete'],
      ['no-show', 'no_show'],
    ])('%s runs the %s action under the session', async (path, action) => {
      const token = await lan.login(2);

      const { status, json } = await lan.call('POST', `/api/counters/2/${path}`, { token });

      expect(status).toBe(200);
      expect(json).toHaveProperty('events');
      expect(lan.agent.calls.at(-1)).toEqual({
        method: 'counterAction',
        args: [{ counter: 2, clerk: 'cb01' }, action, undefined],
      });
    });

    it('answers call-next with the events and the number now served', async () => {
      const token = await lan.login(2);

      const { json } = await lan.call('POST', '/api/counters/2/call-next', { token });

      expect(json).toMatchObject({
        serving: 'B005',
        events: [{ type: 'ticket_called', number: 'B005', counter: 2 }],
      });
    });

    it('transfers to the field named in the body', async () => {
      const token = await lan.login(2);

      const { status } = await lan.call('POST', '/api/counters/2/transfer', {
        token,
        body: { field: 'ho-tich' },
      });

      expect(status).toBe(200);
      expect(lan.agent.calls.at(-1)?.args.slice(1)).toEqual(['transfer', { field: 'ho-tich' }]);
    });

    it('names the missing field of a transfer', async () => {
      const token = await lan.login(2);

      const { status, json } = await lan.call('POST', '/api/counters/2/transfer', { token });

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([{ field: '(body)', reason: 'must be a JSON object' }]);
    });

    it('answers 409 when nobody is waiting', async () => {
      const token = await lan.login(2);
      lan.agent.fail(
        'counterAction',
        new AgentError(409, 'nobody_waiting', 'nobody is waiting for counter 2'),
      );

      const { status, json } = await lan.call('POST', '/api/counters/2/call-next', { token });

      expect(status).toBe(409);
      expect(json).toEqual({ error: { code: 'nobody_waiting', message: 'nobody is waiting for counter 2' } });
    });
  });

  describe('Route: POST /api/ratings', () => {
    it('records a rating from the pad', async () => {
      const { status, json } = await lan.call('POST', '/api/ratings', { body: { counter: 2, score: 4 } });

      expect(status).toBe(201);
      expect(json).toEqual({ counter: 2, score: 4 });
      expect(lan.agent.calls.at(-1)).toEqual({ method: 'rate', args: [2, 4] });
    });

    it.each([0, 5, 2.5, '4'])('names a score of %j', async (score) => {
      const { status, json } = await lan.call('POST', '/api/ratings', { body: { counter: 2, score } });

      expect(status).toBe(400);
      expect(json.error.fields).toHaveLength(1);
      expect(json.error.fields[0].field).toBe('score');
    });

    it('answers 409 when there is nothing to rate', async () => {
      lan.agent.fail(
        'rate',
        new AgentError(409, 'rating_closed', 'counter 2 has no service waiting for a rating'),
      );

      const { status, json } = await lan.call('POST', '/api/ratings', { body: { counter: 2, score: 3 } });

      expect(status).toBe(409);
      expect(json.error.code).toBe('rating_closed');
    });
  });

  describe('Route: GET /api/state, /health and announcements', () => {
    it('returns the snapshot', async () => {
      const { status, json, headers } = await lan.call('GET', '/api/state');

      expect(status).toBe(200);
      expect(json).toEqual(SNAPSHOT);
      expect(headers.get('cache-control')).toBe('no-store');
    });

    it('reports health with the cloud link', async () => {
      const { status, json } = await lan.call('GET', '/health');

      expect(status).toBe(200);
      expect(json).toEqual({ status: 'ok', cloud: { online: false, outboxDepth: 7 } });
    });

    it('serves the spoken call as audio/wav', async () => {
      const { status, headers, text } = await lan.call('GET', '/api/announcements/B004/1.wav');

      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('audio/wav');
      expect(text).toBe('RIFF....WAVEfmt B004@1');
      expect(lan.agent.calls.at(-1)).toEqual({ method: 'announcement', args: ['B004', 1] });
    });

    it('names a bad counter in an announcement address', async () => {
      const { status, json } = await lan.call('GET', '/api/announcements/B004/abc.wav');

      expect(status).toBe(400);
      expect(json.error.fields).toEqual([
        { field: 'path.counter', reason: 'must be a counter number from 1 to 99' },
      ]);
    });
  });
});
