import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentError } from '../../../../edge-agent/src/agent-api.ts';
import { LanServer } from '../../../../edge-agent/src/lan/server.ts';
import { FakeAgent, startLan } from './fake-agent.ts';

/** The HTTP envelope: unknown routes, methods, body rules, and errors that must not leak. */

let lan: Awaited<ReturnType<typeof startLan>>;
beforeEach(async () => {
  lan = await startLan();
});
afterEach(() => lan.server.stop());

describe('Class: LanServer', () => {
  describe('Method: start', () => {
    it('answers with the URL and the port it listens on', async () => {
      const other = new LanServer({ agent: new FakeAgent(), host: '127.0.0.1', port: 0, wardName: 'X' });

      const { url, port } = await other.start();
      await other.stop();

      expect(port).toBeGreaterThan(0);
      expect(url).toBe(`http://127.0.0.1:${port}`);
    });

    it('rejects when the port is taken', async () => {
      const port = Number(new URL(lan.url).port);
      const other = new LanServer({ agent: new FakeAgent(), host: '127.0.0.1', port, wardName: 'X' });

      await expect(other.start()).rejects.toThrow(/EADDRINUSE/);
    });
  });

  describe('Routing', () => {
    it('answers 404 as JSON for an unknown route', async () => {
      const { status, json } = await lan.call('GET', '/api/nothing');

      expect(status).toBe(404);
      expect(json.error.code).toBe('not_found');
    });

    it('answers 405 with Allow for a known route and the wrong method', async () => {
      const { status, json, headers } = await lan.call('GET', '/api/tickets');

      expect(status).toBe(405);
      expect(json.error.code).toBe('method_not_allowed');
      expect(headers.get('allow')).toBe('POST');
    });

    it('answers 405 for a POST to a read-only route', async () => {
      const { status, headers } = await lan.call('POST', '/api/state');

      expect(status).toBe(405);
      expect(headers.get('allow')).toBe('GET');
    });

    it('ignores the query string', async () => {
      const { status } = await lan.call('GET', '/health?probe=1');

      expect(status).toBe(200);
    });
  });

  describe('Bodies', () => {
    it('answers 413 for a body over 16 KB', async () => {
      const { status, json } = await lan.call('POST', '/api/tickets', {
        body: JSON.stringify({ field: 'x'.repeat(17 * 1024) }),
      });

      expect(status).toBe(413);
      expect(json.error.code).toBe('payload_too_large');
      expect(lan.agent.calls).toHaveLength(0);
    });

    it('answers 413 for a large body sent in chunks without a length', async () => {
      const status = await new Promise<number>((resolve, reject) => {
        const url = new URL('/api/ratings', lan.url);
        const req = request(
          url,
          { method: 'POST', headers: { 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 20; i++) req.write('x'.repeat(1024));
        req.end();
      });

      expect(status).toBe(413);
    });

    it('answers 415 for a body that is not declared JSON', async () => {
      const { status, json } = await lan.call('POST', '/api/ratings', {
        body: 'counter=2&score=4',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

      expect(status).toBe(415);
      expect(json.error.code).toBe('unsupported_media_type');
    });

    it('answers 400 for malformed JSON', async () => {
      const { status, json } = await lan.call('POST', '/api/ratings', { body: '{"counter": 2,' });

      expect(status).toBe(400);
      expect(json.error.code).toBe('malformed_json');
    });
  });

  describe('Errors', () => {
    it('answers 500 with a generic message, no stack, and reports the error', async () => {
      lan.agent.fail('rate', new Error('database is locked at /var/lib/motcua/queue.db'));

      const { status, text } = await lan.call('POST', '/api/ratings', { body: { counter: 2, score: 4 } });

      expect(status).toBe(500);
      expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal error' } });
      expect(text).not.toContain('locked');
      expect(lan.errors).toHaveLength(1);
    });

    it.each([400, 401, 403, 404, 409, 503] as const)(
      'answers an AgentError with status %i as that status',
      async (s) => {
        lan.agent.fail('rejoin', new AgentError(s, 'some_code', 'why'));

        const { status, json } = await lan.call('POST', '/api/tickets/B004/rejoin');

        expect(status).toBe(s);
        expect(json).toEqual({ error: { code: 'some_code', message: 'why' } });
        expect(lan.errors).toHaveLength(0);
      },
    );

    it('answers 500 when the snapshot fails, on the live stream too', async () => {
      lan.agent.fail('snapshot', new Error('boom'));

      const { status, json } = await lan.call('GET', '/api/live');

      expect(status).toBe(500);
      expect(json.error.code).toBe('internal');
    });
  });
});
