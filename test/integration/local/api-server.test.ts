import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, MAX_REQUEST_BYTES } from '#infra/local/server';
import { handler as echo } from '../../support/echo-handler.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

interface Echo {
  event: APIGatewayProxyEvent;
  functionName: string;
  remainingMs: number;
  cityTable: { name: string; status: string };
}

describe('local API server with the runtime', () => {
  let local: TestApi;
  const loaded: string[] = [];

  beforeAll(async () => {
    local = await startTestApi({
      loadHandler: async (module) => {
        loaded.push(module);
        return echo;
      },
    });
  });
  afterAll(() => local?.stop());

  it('answers a request through the route’s handler, which reaches its tables in DynamoDB Local', async () => {
    const { status, body, headers } = await api(local.url).get<Echo>(
      '/v1/calendar/due?from=2026-01-05&days=a&days=b',
    );
    expect(status).toBe(200);
    expect(body.functionName).toBe('motcua-local-calendar-due');
    expect(body.event).toMatchObject({
      httpMethod: 'GET',
      resource: '/v1/calendar/due',
      pathParameters: null,
      queryStringParameters: { from: '2026-01-05', days: 'b' },
      multiValueQueryStringParameters: { days: ['a', 'b'] },
      requestContext: { stage: 'local', requestId: headers.get('x-amzn-requestid') },
    });
    expect(body.remainingMs).toBeGreaterThan(20_000);
    expect(body.cityTable).toEqual({ name: `${local.tablePrefix}-city`, status: 'ACTIVE' });
  });

  it('loads each handler module once', async () => {
    await api(local.url).get('/v1/dossiers/A');
    await api(local.url).get('/v1/dossiers/B');
    expect(loaded.filter((m) => m === 'dossiers/get')).toHaveLength(1);
  });

  it('passes decoded path parameters and the bearer token header', async () => {
    const token = await login(local.url, 'clerk.hai-chau-i');
    const { body } = await api(local.url, token).get<Echo>(
      `/v1/dossiers/${encodeURIComponent('000.01.01.H17 x')}`,
    );
    expect(body.event.resource).toBe('/v1/dossiers/{code}');
    expect(body.event.pathParameters).toEqual({ code: '000.01.01.H17 x' });
    expect(body.event.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('passes a binary request body base64 encoded', async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const response = await fetch(`${local.url}/v1/wards/hai-chau-i/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: bytes,
    });
    const { event } = (await response.json()) as Echo;
    expect(event.isBase64Encoded).toBe(true);
    expect(new Uint8Array(Buffer.from(event.body ?? '', 'base64'))).toEqual(bytes);
  });

  it('writes single and multi-value headers and decodes a base64 result', async () => {
    const json = await fetch(`${local.url}/v1/units`);
    expect(json.headers.get('x-echo')).toBe('single');
    expect(json.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const binary = await fetch(`${local.url}/v1/units?binary=1`);
    expect(binary.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await binary.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
  });

  it('answers 500 with the request id when the handler throws', async () => {
    const { status, body, headers } = await api(local.url).get('/v1/health?fail=1');
    expect(status).toBe(500);
    expect(body).toEqual({
      error: {
        code: 'internal',
        message: 'echo handler failed on purpose',
        requestId: headers.get('x-amzn-requestid'),
      },
    });
  });

  it('answers 404 for an unknown path', async () => {
    const { status, body } = await api(local.url).get('/v1/nowhere');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const { status, body, headers } = await api(local.url).request('DELETE', '/v1/calendar/2026');
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET, PUT');
    expect(body).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it('answers 413 for a body over 10 MB', async () => {
    const response = await fetch(`${local.url}/v1/dossiers/X/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(MAX_REQUEST_BYTES + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(loaded).not.toContain('dossiers/act');
  });

  it('answers 413 for a streamed body once it passes 10 MB', async () => {
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    // No content-length: the server has to count as the chunks arrive.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 12) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${local.url}/v1/wards/hai-chau-i/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('passes a body under 10 MB on to the handler', async () => {
    const text = 'x'.repeat(2 * 1024 * 1024);
    const response = await fetch(`${local.url}/v1/wards/hai-chau-i/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Echo).event.body).toHaveLength(text.length);
  });
});

describe('POST /v1/local/login', () => {
  let local: TestApi;
  beforeAll(async () => {
    local = await startTestApi({ loadHandler: async () => echo });
  });
  afterAll(() => local?.stop());

  it('returns a token for a demo user and the password demo', async () => {
    const { status, body } = await api(local.url).post<{ token: string }>('/v1/local/login', {
      username: 'leader.hai-chau-i',
      password: 'demo',
    });
    expect(status).toBe(200);
    expect(body.token.split('.')).toHaveLength(3);
  });

  it('answers 401 for a wrong password or an unknown user', async () => {
    for (const credentials of [
      { username: 'leader.hai-chau-i', password: 'wrong' },
      { username: 'nobody', password: 'demo' },
    ]) {
      const { status, body } = await api(local.url).post('/v1/local/login', credentials);
      expect(status).toBe(401);
      expect(body).toMatchObject({ error: { code: 'unauthenticated' } });
    }
  });

  it('answers 400 for malformed JSON or missing fields', async () => {
    const malformed = await fetch(`${local.url}/v1/local/login`, { method: 'POST', body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });
    const missing = await api(local.url).post('/v1/local/login', { username: 'city' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: { code: 'invalid_request' } });
  });
});

describe('local API server with the real handlers', () => {
  it('imports the route’s module from functions/handlers by default', async () => {
    const local = await startTestApi();
    try {
      const { status, headers } = await api(local.url).get('/v1/health');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^application\/json/);
    } finally {
      await local.stop();
    }
  });
});

describe('createApiServer on its own', () => {
  it('retries loading a handler module that failed to load', async () => {
    let attempts = 0;
    const server = createApiServer({
      routes: [{ method: 'GET', path: '/v1/health', module: 'health', needs: {} }],
      loadHandler: async () => {
        attempts++;
        if (attempts === 1) throw new Error('SyntaxError in health.ts');
        return echo;
      },
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await api(url).get('/v1/health?binary=1')).status).toBe(500);
      expect((await api(url).get('/v1/health?binary=1')).status).toBe(200);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('answers 504 when the handler outlives the timeout', async () => {
    const server = createApiServer({
      routes: [{ method: 'GET', path: '/v1/health', module: 'health', needs: {} }],
      loadHandler: async () => () => new Promise(() => {}),
      timeoutMs: 50,
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { status, body } = await api(url).get('/v1/health');
      expect(status).toBe(504);
      expect(body).toMatchObject({ error: { code: 'timeout' } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
