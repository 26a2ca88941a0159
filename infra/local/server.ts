import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod';
import { logger } from '#adapters/logger';
import type { HttpMethod, Route } from '#api/routes';
import { buildContext, buildEvent } from './lambda-event.ts';
import { createRouteMatcher } from './route-matcher.ts';
import { login } from './token-issuer.ts';
import { serveWeb } from './web-static.ts';

/**
 * The local API Gateway (REST API, Lambda proxy integration): HTTP request → event → the same
 * handler the cloud runs → HTTP response. Route matching is in route-matcher.ts, event
 * building in lambda-event.ts.
 */

/** A Lambda handler behind an API Gateway REST proxy integration. */
export type ApiHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A route only the local runtime has, answered in-process instead of by a handler module. */
export interface LocalRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** Stands in for the module name in function names and logs. */
  readonly name: string;
  readonly handler: ApiHandler;
}

export interface ApiServerOptions {
  readonly routes: readonly Route[];
  /** Loads `functions/handlers/<module>.ts`; importHandler unless given. Cached per module. */
  readonly loadHandler?: (module: string) => Promise<ApiHandler>;
  readonly localRoutes?: readonly LocalRoute[];
  /** API Gateway's integration timeout (29 s) unless told otherwise. */
  readonly timeoutMs?: number;
  /** The built web app, served at `/` for every path outside `/v1` (web-static.ts). */
  readonly webDir?: string;
}

/** API Gateway's own limit on a request payload. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Imports `#handlers/<module>` and returns its `handler` export. */
export async function importHandler(module: string): Promise<ApiHandler> {
  // A variable specifier with @vite-ignore: Vite (under vitest) would otherwise rewrite the
  // template into a one-level glob that cannot reach `dossiers/create`.
  const specifier = `#handlers/${module}`;
  const loaded = (await import(/* @vite-ignore */ specifier)) as { handler?: unknown };
  if (typeof loaded.handler !== 'function')
    throw new Error(`functions/handlers/${module}.ts exports no handler`);
  return loaded.handler as ApiHandler;
}

type Entry = { method: string; path: string; module: string; handler?: ApiHandler };

/** An HTTP server answering `routes` (plus `localRoutes`), with 404/405/413/500/504 as JSON errors. */
export function createApiServer(options: ApiServerOptions): Server {
  const loadHandler = options.loadHandler ?? importHandler;
  const timeoutMs = options.timeoutMs ?? 29_000;
  const local = (options.localRoutes ?? []).map((r) => ({ ...r, module: r.name }));
  const match = createRouteMatcher<Entry>([...options.routes, ...local]);
  const loaded = new Map<string, Promise<ApiHandler>>();
  const handlerOf = (entry: Entry): Promise<ApiHandler> => {
    if (entry.handler) return Promise.resolve(entry.handler);
    let handler = loaded.get(entry.module);
    if (!handler) {
      handler = loadHandler(entry.module);
      // Forget failures so a handler fixed while the server runs loads on the next call.
      handler.catch(() => loaded.delete(entry.module));
      loaded.set(entry.module, handler);
    }
    return handler;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, requestId: string) => {
    const method = req.method ?? 'GET';
    const path = pathOf(req);
    if (options.webDir && !path.startsWith('/v1/') && (await serveWeb(options.webDir, req, res, path)))
      return;
    const found = match(method, path);
    if (found.kind === 'not_found') return sendError(res, 404, 'not_found', `no route for ${path}`);
    if (found.kind === 'method_not_allowed') {
      const allow = found.allow.join(', ');
      res.setHeader('allow', allow);
      return sendError(res, 405, 'method_not_allowed', `${method} is not allowed here; use ${allow}`);
    }
    const body = await readBody(req, MAX_REQUEST_BYTES);
    if (body === undefined) {
      return sendError(res, 413, 'payload_too_large', `the request body exceeds ${MAX_REQUEST_BYTES} bytes`);
    }
    const raw = { method, url: req.url ?? '/', rawHeaders: req.rawHeaders, body, sourceIp: sourceIpOf(req) };
    const now = Date.now();
    const event = buildEvent(raw, found, requestId, now);
    const context = buildContext(found.route.module, randomUUID(), timeoutMs, now);
    try {
      const result = await withTimeout((await handlerOf(found.route))(event, context), timeoutMs);
      if (result === 'timeout') return sendError(res, 504, 'timeout', `no answer within ${timeoutMs} ms`);
      writeResult(res, result);
    } catch (error) {
      // Never the body or headers: they carry personal data and tokens.
      const where = { requestId, resource: found.resource, module: found.route.module };
      logger.error('handler failed', { ...where, error: error as Error });
      sendError(res, 500, 'internal', (error as Error)?.message ?? 'internal error', { requestId });
    }
  };

  return createServer((req, res) => {
    const requestId = randomUUID();
    const started = Date.now();
    res.setHeader('x-amzn-RequestId', requestId);
    res.on('finish', () => {
      const ms = Date.now() - started;
      logger.info('request', {
        requestId,
        method: req.method,
        path: pathOf(req),
        status: res.statusCode,
        ms,
      });
    });
    serve(req, res, requestId).catch((error: unknown) => {
      logger.error('request failed', { requestId, error: error as Error });
      res.destroy();
    });
  });
}

const Credentials = z.object({ username: z.string().min(1), password: z.string().min(1) });

/** `POST /v1/local/login` `{ username, password }` → `{ token }`: the local Cognito sign-in. */
export function loginRoute(secret: string): LocalRoute {
  const json = (statusCode: number, body: unknown): APIGatewayProxyResult => ({
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  });
  const handler: ApiHandler = async (event) => {
    const text = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return json(400, { error: { code: 'malformed_json', message: 'the body is not valid JSON' } });
    }
    const credentials = Credentials.safeParse(parsed);
    if (!credentials.success) {
      const message = 'expected { "username": string, "password": string }';
      return json(400, { error: { code: 'invalid_request', message } });
    }
    const token = await login(credentials.data.username, credentials.data.password, secret);
    if (!token)
      return json(401, { error: { code: 'unauthenticated', message: 'wrong username or password' } });
    return json(200, { token });
  };
  return { method: 'POST', path: '/v1/local/login', name: 'local/login', handler };
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function sourceIpOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The whole body, or undefined once it passes `limit`. The rest is then read and dropped rather
 * than the connection closed: a client still sending would see EPIPE instead of the 413.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length']) > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Writes a proxy result as API Gateway does: merged headers, JSON by default, base64 decoded. */
function writeResult(res: ServerResponse, result: APIGatewayProxyResult): void {
  if (typeof result !== 'object' || result === null || !Number.isInteger(result.statusCode)) {
    sendError(res, 502, 'bad_gateway', 'the handler returned a malformed proxy result');
    return;
  }
  const headers = new Map<string, [string, string[]]>([
    ['content-type', ['content-type', ['application/json']]],
  ]);
  const add = (name: string, values: string[]) => headers.set(name.toLowerCase(), [name, values]);
  for (const [name, value] of Object.entries(result.headers ?? {})) add(name, [String(value)]);
  // Where both name a header, API Gateway keeps only the multi-value list.
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) add(name, values.map(String));
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  res.statusCode = result.statusCode;
  for (const [name, values] of headers.values())
    res.setHeader(name, values.length === 1 ? (values[0] ?? '') : values);
  res.setHeader('content-length', body.length);
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, extra = {}): void {
  const body = JSON.stringify({ error: { code, message, ...extra } });
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
  res.writeHead(status, headers);
  res.end(body);
}

// ---- Route matching, as API Gateway resolves resources -------------------------------------
