import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { routes } from '#api/routes';
import { DEFAULT_BUCKET_PREFIX } from '#infra/buckets';
import { cityTableName, DEFAULT_TABLE_PREFIX } from '#infra/tables';
import { ensureTables, tablesFor } from './create-tables.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb.ts';
import { type QueueRuntime, type QueueRuntimeOptions, startQueueRuntime } from './queue-runtime.ts';
import { type S3Local, startS3Local } from './s3.ts';
import { type ApiHandler, createApiServer, loginRoute } from './server.ts';
import type { StreamPoller } from './stream-poller.ts';

/**
 * The whole backend on one machine: DynamoDB Local, the tables from infra/tables.ts, s3rver with
 * the scans buckets of infra/buckets.ts, and the API server calling the same handlers as the
 * cloud, with the local token issuer for logins.
 */
export interface RuntimeOptions {
  /** API port; 0 picks a free one. Default 3000. */
  port?: number;
  /** Default 127.0.0.1: the demo users all share one password. */
  host?: string;
  /**
   * Keeps DynamoDB's data (`<dataDir>/dynamodb`), the scans (`<dataDir>/s3`) and the JWT secret;
   * without it everything is in memory or in a temporary folder removed on stop().
   */
  dataDir?: string;
  /** Start with empty tables. */
  fresh?: boolean;
  /** Use this running DynamoDB Local instead of starting one. */
  dynamodbEndpoint?: string;
  /** Default `motcua`, like the cloud. */
  tablePrefix?: string;
  /** Prefix of the scans buckets; default `motcua`, like the cloud. */
  bucketPrefix?: string;
  /** In memory even though `dataDir` is set. */
  inMemory?: boolean;
  /** Test seam: how handler modules are loaded (see createApiServer). */
  loadHandler?: (module: string) => Promise<ApiHandler>;
  /** Told when each start-up step begins, for progress output. */
  onStep?: (step: RuntimeStep) => void;
  /**
   * Also start the IoT Core stand-in and the demo ward agent (`npm start` does; tests that only
   * need the API do not). Its data goes to `<dataDir>/queue`, or a temporary folder.
   */
  queue?: Omit<QueueRuntimeOptions, 'dataDir'>;
  /** The built web app to serve at `/` (web/dist); the API alone without it. */
  webDir?: string;
  /**
   * Also follow the district tables' streams into the statistics aggregation, as the cloud's
   * stream consumer does (`npm start` does; tests that do not read statistics need not).
   */
  streams?: boolean;
}

export type RuntimeStep = 'dynamodb' | 'tables' | 's3' | 'api' | 'queue' | 'streams';

export interface Runtime {
  readonly url: string;
  readonly dynamodbEndpoint: string;
  readonly tablePrefix: string;
  /** s3rver, path-style. */
  readonly s3Endpoint: string;
  readonly bucketPrefix: string;
  readonly jwtSecret: string;
  /** The broker, data-plane shim and demo agent, when `queue` was asked for. */
  readonly queue?: QueueRuntime;
  /** The stream poller feeding the statistics aggregation, when `streams` was asked for. */
  readonly streams?: StreamPoller;
  stop(): Promise<void>;
}

/** The API port is taken; `port` and `host` say which. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
    options?: ErrorOptions,
  ) {
    super(`port ${port} on ${host} is already in use`, options);
    this.name = 'PortInUseError';
  }
}

/** Starts DynamoDB Local (unless given one) and s3rver, creates tables and buckets, and serves the API. */
export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const dataDir = options.dataDir !== undefined && !options.inMemory ? resolve(options.dataDir) : undefined;
  const tablePrefix = options.tablePrefix ?? DEFAULT_TABLE_PREFIX;
  const bucketPrefix = options.bucketPrefix ?? DEFAULT_BUCKET_PREFIX;
  const host = options.host ?? '127.0.0.1';
  // Before the first SDK client: the warning only restates the Node version we chose (toolchain.md).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ||= 'true';
  options.onStep?.('dynamodb');
  let dynamodb: DynamoDbLocal | undefined;
  if (options.dynamodbEndpoint === undefined) {
    const dynamodbDir = dataDir ? join(dataDir, 'dynamodb') : undefined;
    dynamodb = await startDynamoDbLocal({ dataDir: dynamodbDir, fresh: options.fresh });
  }
  const endpoint = options.dynamodbEndpoint ?? (dynamodb as DynamoDbLocal).endpoint;
  let server: Server | undefined;
  let s3: S3Local | undefined;
  let queue: QueueRuntime | undefined;
  let queueDir: string | undefined;
  let streams: StreamPoller | undefined;
  try {
    const jwtSecret = dataDir ? await loadOrCreateSecret(join(dataDir, 'jwt-secret')) : newSecret();
    setFunctionEnvironment(endpoint, tablePrefix, jwtSecret);
    options.onStep?.('tables');
    const client = new DynamoDBClient({ endpoint });
    try {
      await ensureTables(client, tablePrefix);
    } finally {
      client.destroy();
    }
    options.onStep?.('s3');
    s3 = await startS3Local({ directory: dataDir ? join(dataDir, 's3') : undefined, bucketPrefix });
    process.env.MOTCUA_S3_ENDPOINT = s3.endpoint;
    process.env.MOTCUA_BUCKET_PREFIX = bucketPrefix;
    options.onStep?.('api');
    server = createApiServer({
      routes,
      localRoutes: [loginRoute(jwtSecret)],
      loadHandler: options.loadHandler,
      webDir: options.webDir ? resolve(options.webDir) : undefined,
    });
    const port = await listen(server, options.port ?? 3000, host);
    const url = `http://${urlHost(host)}:${port}`;
    // The receipt's QR code opens the public lookup of the web app this server also serves.
    process.env.MOTCUA_WEB_URL = url;
    if (options.queue) {
      options.onStep?.('queue');
      queueDir = dataDir ? join(dataDir, 'queue') : await mkdtemp(join(tmpdir(), 'motcua-queue-'));
      queue = await startQueueRuntime({ ...options.queue, dataDir: queueDir });
    }
    if (options.streams) {
      options.onStep?.('streams');
      streams = await startStatsStreams(endpoint, tablePrefix);
    }
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await streams?.stop();
        await queue?.stop();
        if (!dataDir && queueDir) await rm(queueDir, { recursive: true, force: true });
        await closeServer(server as Server);
        await s3?.stop();
        await dynamodb?.stop();
      })();
      return stopping;
    };
    const s3Endpoint = s3.endpoint;
    return {
      url,
      dynamodbEndpoint: endpoint,
      tablePrefix,
      s3Endpoint,
      bucketPrefix,
      jwtSecret,
      ...(queue ? { queue } : {}),
      ...(streams ? { streams } : {}),
      stop,
    };
  } catch (error) {
    await streams?.stop();
    await queue?.stop();
    if (server?.listening) await closeServer(server);
    await s3?.stop();
    await dynamodb?.stop();
    throw error;
  }
}

/**
 * The district tables' streams → the aggregation handler, with its dead-letter store. Loaded on
 * demand, so a runtime without streams does not load the folds.
 */
async function startStatsStreams(endpoint: string, tablePrefix: string): Promise<StreamPoller> {
  const [{ startStreamPoller }, { handler }, { putDeadLetter }] = await Promise.all([
    import('./stream-poller.ts'),
    import('#handlers/streams/aggregate'),
    import('#adapters/stats-repository'),
  ]);
  const city = cityTableName(tablePrefix);
  const tables = tablesFor(tablePrefix)
    .map((t) => t.name)
    .filter((name) => name !== city);
  return startStreamPoller({ endpoint, tables, handler, deadLetter: putDeadLetter });
}

/**
 * What functions/adapters/env.ts reads, plus the SDK's region and credentials. Process-wide:
 * run one runtime per process at a time (tests do: one per test file).
 */
function setFunctionEnvironment(endpoint: string, tablePrefix: string, jwtSecret: string): void {
  process.env.MOTCUA_TABLE_PREFIX = tablePrefix;
  process.env.MOTCUA_DYNAMODB_ENDPOINT = endpoint;
  process.env.MOTCUA_LOCAL_JWT_SECRET = jwtSecret;
  process.env.AWS_REGION ||= 'ap-southeast-1';
  // DynamoDB Local accepts any credentials, but the SDK insists on having some.
  process.env.AWS_ACCESS_KEY_ID ||= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ||= 'local';
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The secret kept in `file` (owner-only), so tokens stay valid across restarts. */
async function loadOrCreateSecret(file: string): Promise<string> {
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    if (secret.length >= 32) return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = newSecret();
  await mkdir(resolve(file, '..'), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  await chmod(file, 0o600); // mode applies only to a new file; a short one found above is reused
  return secret;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(error.code === 'EADDRINUSE' ? new PortInUseError(port, host, { cause: error }) : error);
    });
    server.listen(port, host, () => {
      const address = server.address();
      done(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  server.closeAllConnections(); // keep-alive sockets would hold close() open
  await closed;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
