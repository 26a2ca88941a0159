import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LocalBroker } from './broker.ts';
import { TopicDeniedError } from './broker.ts';
import { CLOUD_IDENTITY } from './topic-policy.ts';

/**
 * The local stand-in for IoT Core's data-plane Publish, for `@aws-sdk/client-iot-data-plane`
 * pointed at a local endpoint: `POST /topics/<url-encoded topic>?qos=0|1&retain=true|false`
 * with the payload as the body (application/octet-stream). The message goes into the broker as
 * the cloud, through the same topic policy; errors come back the way the SDK parses them
 * (status, `x-amzn-ErrorType`, `{ message }`). SigV4 is not checked — as with s3rver, signing
 * is tested elsewhere — so this listens on 127.0.0.1 only.
 */
export interface DataPlaneOptions {
  readonly broker: Pick<LocalBroker, 'publishAs'>;
  /** Who publishes; default `motcua-cloud`. */
  readonly identity?: string;
}

/** IoT Core's payload limit. */
export const MAX_PAYLOAD_BYTES = 128 * 1024;

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** Answers `POST /topics/…`; resolves false, untouched, for any other path so servers can chain. */
export function createDataPlaneHandler(options: DataPlaneOptions): Handler {
  const identity = options.identity ?? CLOUD_IDENTITY;
  return async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // Split before decoding: the SDK sends the topic as one segment, '/' as %2F.
    const match = /^\/topics\/([^/]+)$/.exec(url.pathname);
    if (!match) return false;
    if (request.method !== 'POST') {
      fail(response, 405, 'MethodNotAllowedException', `${request.method} is not allowed on /topics`);
      return true;
    }
    let topic: string;
    try {
      topic = decodeURIComponent(match[1] as string);
    } catch {
      fail(response, 400, 'InvalidRequestException', 'the topic is not URL-encoded correctly');
      return true;
    }
    const qos = url.searchParams.get('qos') ?? '0';
    const retain = url.searchParams.get('retain') ?? 'false';
    if (qos !== '0' && qos !== '1') {
      fail(response, 400, 'InvalidRequestException', 'qos must be 0 or 1');
      return true;
    }
    if (retain !== 'true' && retain !== 'false') {
      fail(response, 400, 'InvalidRequestException', 'retain must be true or false');
      return true;
    }
    const payload = await readBody(request, MAX_PAYLOAD_BYTES);
    if (payload === undefined) {
      fail(response, 413, 'RequestEntityTooLargeException', `the payload exceeds ${MAX_PAYLOAD_BYTES} bytes`);
      return true;
    }
    try {
      await options.broker.publishAs(identity, {
        topic,
        payload,
        qos: Number(qos) as 0 | 1,
        retain: retain === 'true',
      });
    } catch (error) {
      if (error instanceof TopicDeniedError) fail(response, 403, 'ForbiddenException', error.message);
      else
        fail(
          response,
          500,
          'InternalFailureException',
          error instanceof Error ? error.message : String(error),
        );
      return true;
    }
    send(response, 200, { message: 'OK', traceId: randomUUID() });
    return true;
  };
}

export interface DataPlaneServer {
  /** `http://127.0.0.1:<port>`, the `endpoint` of an IoTDataPlaneClient. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Serves the data-plane shim alone on 127.0.0.1 (port 0 picks a free one). */
export async function startDataPlaneServer(
  options: DataPlaneOptions & { port?: number },
): Promise<DataPlaneServer> {
  const handle = createDataPlaneHandler(options);
  const server: Server = createServer((request, response) => {
    handle(request, response)
      .then((handled) => {
        if (!handled) fail(response, 404, 'ResourceNotFoundException', `no such resource ${request.url}`);
      })
      .catch((error: unknown) => {
        if (!response.headersSent) fail(response, 500, 'InternalFailureException', String(error));
        else response.destroy();
      });
  });
  const port = await new Promise<number>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
    return stopping;
  };
  return { endpoint: `http://127.0.0.1:${port}`, stop };
}

/** The body, or undefined once it grows past `limit` (the rest is drained, not kept). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size <= limit ? Buffer.concat(chunks) : undefined;
}

function fail(response: ServerResponse, status: number, type: string, message: string): void {
  send(response, status, { message }, { 'x-amzn-ErrorType': type });
}

function send(
  response: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  response.end(json);
}
