import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod';
import { readEnv } from '#adapters/env';
import { logger } from '#adapters/logger';
import { verifyBearer } from '#adapters/tokens';
import { hasRole } from '#domain/auth/access';
import type { Principal, Role } from '#domain/auth/principal';
import { ForbiddenError } from '#domain/errors';
import { fieldErrors, HttpError, toErrorResponse, validationError } from './errors.ts';

/** Request bodies above this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Who may call a route: `public` (no token), `authenticated` (any valid token; the handler
 * applies ward/district rules), or a list of roles of which the caller needs one.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

/** A body read as text instead of JSON (an NDJSON file), then checked by `body` (e.g. `z.string()`). */
export interface TextBody {
  /** Accepted media types, without parameters: `application/x-ndjson`. */
  readonly mediaTypes: readonly string[];
  /** Size limit in bytes, instead of MAX_BODY_BYTES. */
  readonly maxBytes: number;
}

export interface HttpSpec<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  readonly access: Access;
  readonly body?: B;
  readonly textBody?: TextBody;
  readonly query?: Q;
  readonly path?: P;
}

export interface HttpRequest<B, Q, P, A extends Access> {
  readonly body: B;
  readonly query: Q;
  readonly path: P;
  readonly principal: A extends 'public' ? Principal | undefined : Principal;
  readonly requestId: string;
  readonly now: Date;
}

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** A non-JSON answer (a PDF, an HTML page), sent as is instead of `body`; bytes go base64 encoded. */
  readonly raw?: { readonly contentType: string; readonly data: Uint8Array | string };
}

export type ApiHandler = ((
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>) & {
  readonly access: Access;
};

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * CORS of a Lambda answer: API Gateway answers only the preflight (OPTIONS) itself, so the real
 * answer, success or error, must name the web app's origin or the browser hides it from the app.
 * `vary` keeps caches from serving it to another origin. Read per answer, like every variable.
 */
function corsHeaders(): Record<string, string> {
  const origin = readEnv().allowedOrigin;
  // The web app reads the file name of a downloaded form from content-disposition.
  return origin
    ? {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': 'content-disposition',
        vary: 'Origin',
      }
    : {};
}

/**
 * The one way to write an API handler: authenticate, check the route's access rule, parse
 * path, query and JSON body with zod (400 naming each field), call `run`, and map domain
 * errors to HTTP answers. Handlers built with it stay thin and alike.
 */
export function httpHandler<
  A extends Access,
  B extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  P extends z.ZodType = z.ZodUndefined,
>(
  spec: HttpSpec<B, Q, P> & { access: A },
  run: (request: HttpRequest<z.output<B>, z.output<Q>, z.output<P>, A>) => Promise<HttpResult>,
): ApiHandler {
  const core = async (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> => {
    const requestId = context.awsRequestId;
    const principal = spec.access === 'public' ? undefined : await authenticate(event, spec.access);
    const path = parsePart(spec.path, event.pathParameters ?? {}, 'path');
    const query = parsePart(spec.query, event.queryStringParameters ?? {}, 'query');
    const read = () => (spec.textBody ? readText(event, spec.textBody) : readJson(event));
    const body = spec.body ? parsePart(spec.body, read(), undefined) : undefined;
    const result = await run({ body, query, path, principal, requestId, now: new Date() } as never);
    if (result.raw) return rawResponse(result, result.raw);
    return {
      statusCode: result.status,
      headers: { ...JSON_HEADERS, ...result.headers, ...corsHeaders() },
      body: result.body === undefined ? '' : JSON.stringify(result.body),
    };
  };
  const handler = middy(core).onError(async (request) => {
    const requestId = request.context.awsRequestId;
    const { statusCode, body } = toErrorResponse(request.error, requestId);
    if (statusCode >= 500) logger.error('request failed', { requestId, error: request.error as Error });
    request.response = {
      statusCode,
      headers: { ...JSON_HEADERS, ...corsHeaders() },
      body: JSON.stringify(body),
    };
  });
  return Object.assign(handler, { access: spec.access }) as unknown as ApiHandler;
}

function rawResponse(result: HttpResult, raw: NonNullable<HttpResult['raw']>): APIGatewayProxyResult {
  const binary = typeof raw.data !== 'string';
  return {
    statusCode: result.status,
    headers: { ...JSON_HEADERS, 'content-type': raw.contentType, ...result.headers, ...corsHeaders() },
    body: binary ? Buffer.from(raw.data as Uint8Array).toString('base64') : (raw.data as string),
    // API Gateway turns this back into bytes when the stage lists the type as binary.
    isBase64Encoded: binary,
  };
}

async function authenticate(event: APIGatewayProxyEvent, access: Access): Promise<Principal> {
  const header = event.headers?.Authorization ?? event.headers?.authorization;
  const principal = await verifyBearer(header);
  if (access !== 'authenticated' && !hasRole(principal, access as readonly Role[])) {
    throw new ForbiddenError(`this needs one of the roles ${(access as readonly Role[]).join(', ')}`);
  }
  return principal;
}

function readJson(event: APIGatewayProxyEvent): unknown {
  const raw = event.body ?? '';
  checkSize(event, MAX_BODY_BYTES);
  const type = contentType(event);
  if (type && !/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', `the body must be application/json, not ${type}`);
  }
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (text.trim() === '') throw new HttpError(400, 'invalid_request', 'a JSON body is required');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, 'malformed_json', `the body is not valid JSON: ${(error as Error).message}`);
  }
}

function readText(event: APIGatewayProxyEvent, spec: TextBody): string {
  checkSize(event, spec.maxBytes);
  const type = contentType(event);
  const mime = (type?.split(';')[0] ?? '').trim().toLowerCase();
  if (!spec.mediaTypes.includes(mime)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `the body must be ${spec.mediaTypes.join(' or ')}, not ${type ?? 'untyped'}`,
    );
  }
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

function checkSize(event: APIGatewayProxyEvent, limit: number): void {
  const bytes = Buffer.byteLength(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes > limit) {
    throw new HttpError(
      413,
      'payload_too_large',
      `the request body is ${bytes} bytes; the limit is ${limit}`,
    );
  }
}

function contentType(event: APIGatewayProxyEvent): string | undefined {
  return event.headers?.['content-type'] ?? event.headers?.['Content-Type'];
}

function parsePart<S extends z.ZodType>(schema: S | undefined, input: unknown, prefix: string | undefined) {
  if (!schema) return undefined;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(fieldErrors(parsed.error, prefix));
}
