import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { tablesFor } from '#infra/local/create-tables';
import { startRuntime } from '#infra/local/runtime';
import type { ApiHandler } from '#infra/local/server';
import type { StreamPoller } from '#infra/local/stream-poller';
import { DEMO_PASSWORD } from '#infra/local/token-issuer';

/** A running local API on its own tables of the run's shared DynamoDB Local, and its own s3rver. */
export interface TestApi {
  readonly url: string;
  readonly tablePrefix: string;
  /** The s3rver of this API (buckets in a temporary folder). */
  readonly s3Endpoint: string;
  readonly bucketPrefix: string;
  /** The stream poller, when started with `streams: true`. */
  readonly streams?: StreamPoller;
  /** Closes the server and s3rver, and drops the tables. */
  stop(): Promise<void>;
}

/**
 * Starts the local API on a free port with fresh tables (prefix `t<random>`) and an s3rver of
 * its own, and points the functions' environment at them, so a test may also call adapters
 * directly. One at a time per test file: the environment is process-wide.
 */
export async function startTestApi(
  options: {
    loadHandler?: (module: string) => Promise<ApiHandler>;
    /** Follow the streams into the statistics (runtime.ts `streams`); `streams.drain()` waits for them. */
    streams?: boolean;
  } = {},
) {
  const dynamodbEndpoint = inject('dynamodbEndpoint');
  const tablePrefix = `t${randomBytes(4).toString('hex')}`;
  const runtime = await startRuntime({ ...options, port: 0, dynamodbEndpoint, tablePrefix, inMemory: true });
  const stop = async () => {
    await runtime.stop();
    const client = new DynamoDBClient({ endpoint: dynamodbEndpoint });
    // Dropped so that a long run does not pile up hundreds of tables in one JVM.
    await Promise.all(
      tablesFor(tablePrefix).map((t) => client.send(new DeleteTableCommand({ TableName: t.name }))),
    );
    client.destroy();
  };
  return {
    url: runtime.url,
    tablePrefix,
    s3Endpoint: runtime.s3Endpoint,
    bucketPrefix: runtime.bucketPrefix,
    ...(runtime.streams ? { streams: runtime.streams } : {}),
    stop,
  } satisfies TestApi;
}

/** A token for a demo user (`clerk.hai-chau-i`, `city`…), from `POST /v1/local/login`. */
export async function login(url: string, username: string): Promise<string> {
  const response = await api(url).post('/v1/local/login', { username, password: DEMO_PASSWORD });
  const token = (response.body as { token?: unknown } | undefined)?.token;
  if (response.status !== 200 || typeof token !== 'string') {
    throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return token;
}

/** An answer: status, body parsed as JSON (text when not JSON, undefined when empty), headers. */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A tiny client of the API at `url`, sending `token` as a bearer token when given. */
export function api(url: string, token?: string) {
  const request = async <T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = /json/.test(response.headers.get('content-type') ?? '') && text !== '';
    return {
      status: response.status,
      body: (json ? JSON.parse(text) : text || undefined) as T,
      headers: response.headers,
    };
  };
  return {
    request,
    get: <T = unknown>(path: string) => request<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => request<T>('POST', path, body),
    put: <T = unknown>(path: string, body?: unknown) => request<T>('PUT', path, body),
    delete: <T = unknown>(path: string) => request<T>('DELETE', path),
  };
}
