import type { IncomingMessage, ServerResponse } from 'node:http';
import { AgentError } from '../agent-api.ts';

/** Request bodies above this are refused with 413: every LAN request is a few small fields. */
export const MAX_BODY_BYTES = 16 * 1024;

/** One problem with the input: which field, and why. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly fields?: FieldError[] };
}

/** An error that already knows its HTTP answer (bad input, no session, body too large…). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** Answers `body` as JSON; `undefined` sends no body (204). */
export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'cache-control': 'no-store' }).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'content-length': Buffer.byteLength(text) }).end(text);
}

/**
 * Maps anything thrown to a status and body. An AgentError carries the status the agent chose;
 * anything else is a bug, so the client gets a generic 500 and never the message or stack.
 */
export function toErrorResponse(error: unknown): {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
} {
  if (error instanceof HttpError) {
    const body = { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) };
    return { status: error.status, body: { error: body }, headers: error.headers };
  }
  if (error instanceof AgentError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message } },
      headers: {},
    };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } }, headers: {} };
}

/** The 400 answer for bad input: every problem at once, each naming its field. */
export function validationError(fields: FieldError[]): HttpError {
  const message = `invalid request: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`;
  return new HttpError(400, 'invalid_request', message, fields);
}

/**
 * The request body parsed as JSON, or undefined when there is none. A body must be declared
 * `application/json`: besides keeping to one format, that makes a browser on another site
 * send a CORS preflight (which we never approve) instead of a silent form post to the agent.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const bytes = await readBytes(req);
  if (bytes.length === 0) return undefined;
  const type = req.headers['content-type'];
  if (!type || !/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `the body must be application/json, not ${type ?? 'undeclared'}`,
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
  }
}

/**
 * The whole body, refusing it past MAX_BODY_BYTES. The rest is read and dropped rather than
 * the connection closed, so a client still sending sees the 413 instead of a reset.
 */
function readBytes(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `the request body exceeds ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

/** What a route handler gets: the raw exchange, the path parameters and the parsed JSON body. */
export interface RouteContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly params: Readonly<Record<string, string>>;
  /** The JSON body of a POST, or undefined when it had none. */
  readonly body: unknown;
}

/** A JSON answer; a handler that wrote the response itself (a page, the live stream) returns undefined. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

/** One entry of the route table. */
export interface Route {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  handle(context: RouteContext): Promise<Reply | undefined>;
}
