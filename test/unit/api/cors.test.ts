import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { httpHandler } from '#api/http';
import { NotFoundError } from '#domain/errors';

const ORIGIN = 'https://d1234abcd.cloudfront.net';

/** A tiny public handler: JSON, a PDF's bytes, or a domain error, as its query asks. */
const handler = httpHandler(
  { access: 'public', query: z.object({ answer: z.enum(['json', 'bytes', 'missing']).optional() }) },
  async ({ query }) => {
    if (query.answer === 'missing') throw new NotFoundError('nothing here');
    if (query.answer === 'bytes') {
      return { status: 200, raw: { contentType: 'application/pdf', data: new Uint8Array([37, 80, 68, 70]) } };
    }
    return { status: 200, body: { ok: true } };
  },
);

const call = (query: Record<string, string> | null) =>
  handler(
    { headers: {}, pathParameters: null, queryStringParameters: query, body: null } as APIGatewayProxyEvent,
    { awsRequestId: 'req-1' } as Context,
  ) as Promise<APIGatewayProxyResult>;

describe('CORS on Lambda answers', () => {
  describe('with MOTCUA_ALLOWED_ORIGIN set', () => {
    beforeEach(() => vi.stubEnv('MOTCUA_ALLOWED_ORIGIN', ORIGIN));
    afterEach(() => vi.unstubAllEnvs());

    it.each([
      ['a JSON success', { answer: 'json' }, 200],
      ['raw bytes', { answer: 'bytes' }, 200],
      ['a domain error', { answer: 'missing' }, 404],
      ['a validation error', { answer: 'nonsense' }, 400],
    ])('names the web app origin on %s', async (_, query, status) => {
      const response = await call(query);
      expect(response.statusCode).toBe(status);
      expect(response.headers).toMatchObject({
        'access-control-allow-origin': ORIGIN,
        'access-control-expose-headers': 'content-disposition',
        vary: 'Origin',
      });
    });
  });

  it('adds no CORS header when no origin is configured (the local runtime)', async () => {
    vi.stubEnv('MOTCUA_ALLOWED_ORIGIN', '');
    try {
      for (const query of [{ answer: 'json' }, { answer: 'missing' }]) {
        const headers = (await call(query)).headers ?? {};
        expect(headers).not.toHaveProperty('access-control-allow-origin');
        expect(headers).not.toHaveProperty('vary');
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
