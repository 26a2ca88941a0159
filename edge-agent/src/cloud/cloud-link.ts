import { EventEmitter } from 'node:events';
import { mqtt } from 'aws-iot-device-sdk-v2';
import { toLocalIso } from '#domain/time';
import { type BackoffOptions, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';
import { type Command, CommandFilter, type CommandVerdict, DEFAULT_SEEN_CAPACITY } from './commands.ts';
import { Connection, ConnectionError, type ConnectionOptions } from './connection.ts';
import {
  AgentStatus,
  type EventBatch,
  type OfflineStatus,
  type OnlineStatus,
  TOPIC_SPECS,
  thingNameOf,
  type WardRef,
  wardTopics,
} from './topics.ts';

/**
 * The agent's link to the cloud (IoT Core, or the local broker): one MQTT 3.1.1 connection over
 * mutual TLS as thing `motcua-<ward>`, with a persistent session, a retained `offline` last will
 * and a retained `online` status on every connect. It never throws because the network is down:
 * start() keeps trying with full-jitter backoff (backoff.ts) until stop().
 *
 * Nothing is queued here. publishEvents() resolves on PUBACK and rejects while offline or after
 * a timeout, so the caller keeps the batch in its SQLite outbox and tries again after `online`;
 * the SDK's in-memory queue would lose it with the process (ARCHITECTURE §4).
 */
export interface CloudLinkOptions {
  /** `host:port` of IoT Core's ATS endpoint (port 8883) or of the local broker. */
  readonly endpoint: string;
  readonly ward: WardRef;
  readonly certPath: string;
  readonly keyPath: string;
  /** CA to trust; the system's trust store when absent. */
  readonly caPath?: string;
  /** What `status` says besides `online: true`, asked on every connect. */
  readonly currentStatus: () => Omit<OnlineStatus, 'online' | 'at'>;
  /** The agent's clock: command expiry and status times. */
  readonly clock?: () => Date;
  /** [0, 1), for the backoff's jitter. */
  readonly random?: () => number;
  /** Default 30 s. */
  readonly keepAliveSeconds?: number;
  /** How long a publish may wait for its PUBACK (default 10 s). */
  readonly publishTimeoutMs?: number;
  /** How long a connect may wait for its CONNACK (default 15 s). */
  readonly connectTimeoutMs?: number;
  /** Default 1 s → 60 s. */
  readonly backoff?: BackoffOptions;
  /** A connection that lasted this long starts the backoff over (default 10 s). */
  readonly stableAfterMs?: number;
  /** Command ids remembered against redelivery (default 1000). */
  readonly seenCommands?: number;
}

/** Something worth logging that changes nothing: a dropped command, a failed attempt. */
export interface CloudLinkWarning {
  readonly message: string;
  readonly cause?: unknown;
}

/** The events a CloudLink emits, by name. */
export interface CloudLinkEvents {
  online: [];
  offline: [cause: Error];
  command: [command: Command];
  /**
   * The retained config as received (JSON-decoded), on every connect and every change; it may
   * come just before `online`. Validating it is the agent's job.
   */
  config: [config: unknown];
  /** The next attempt is scheduled. */
  reconnecting: [next: { readonly attempt: number; readonly delayMs: number; readonly cause: Error }];
  warning: [warning: CloudLinkWarning];
}

/** Rejected publishes: the link is offline (or went offline before the PUBACK), or stopped. */
export class CloudOfflineError extends Error {
  constructor(message = 'the cloud link is offline', options?: ErrorOptions) {
    super(message, options);
    this.name = 'CloudOfflineError';
  }
}

/** The ward agent's MQTT link to the cloud (see the top of this file). */
export class CloudLink extends EventEmitter<CloudLinkEvents> {
  private client?: mqtt.MqttClient;
  private connection?: Connection;
  /** Teardown of the last lost connection: the next attempt waits for it (same client id). */
  private closingPrevious: Promise<void> = Promise.resolve();
  private attempting?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private running = false;
  private isOnline = false;
  private attempt = 0;
  private connectedAt = 0;
  private readonly pending = new Set<(error: Error) => void>();
  private readonly commands: CommandFilter;
  private readonly topics: ReturnType<typeof wardTopics>;
  private readonly clock: () => Date;

  constructor(private readonly options: CloudLinkOptions) {
    super();
    this.commands = new CommandFilter(options.seenCommands ?? DEFAULT_SEEN_CAPACITY);
    this.topics = wardTopics(options.ward);
    this.clock = options.clock ?? (() => new Date());
  }

  /** True between a completed connect (subscribed, status sent) and the next loss or stop(). */
  get online(): boolean {
    return this.isOnline;
  }

  /** Starts connecting in the background; `online` tells when it got there. */
  start(): void {
    if (this.running) return;
    parseEndpoint(this.options.endpoint); // a typo is a bug, not a network problem: fail now
    this.running = true;
    this.attempt = 0;
    this.client = new mqtt.MqttClient();
    this.schedule(0);
  }

  /** Says `offline` (retained), disconnects without the will, and clears every timer. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const connection = this.connection;
    this.connection = undefined;
    if (connection && this.isOnline) {
      const status: OfflineStatus = { online: false, reason: 'stopped', at: toLocalIso(this.clock()) };
      await connection
        .publish(this.topics.status, JSON.stringify(status), true, Math.min(this.publishTimeoutMs, 2_000))
        // Best effort, and it matters: a DISCONNECT discards the last will, so without this the
        // retained status would go on saying online.
        .catch(() => {});
    }
    this.goOffline(new CloudOfflineError('the cloud link was stopped'));
    await connection?.close();
    await this.attempting;
    await this.closingPrevious;
    this.client = undefined;
  }

  /** Publishes one batch (QoS 1); resolves on PUBACK only. */
  publishEvents(batch: EventBatch): Promise<void> {
    return this.publish(this.topics.events, batch, TOPIC_SPECS.events.retain);
  }

  /** Publishes the agent's status, retained, so the cloud always has the latest. */
  publishStatus(status: AgentStatus): Promise<void> {
    return this.publish(this.topics.status, AgentStatus.parse(status), TOPIC_SPECS.status.retain);
  }

  private get publishTimeoutMs(): number {
    return this.options.publishTimeoutMs ?? 10_000;
  }

  private async publish(topic: string, payload: unknown, retain: boolean): Promise<void> {
    const connection = this.connection;
    if (!this.isOnline || !connection) throw new CloudOfflineError();
    let reject: (error: Error) => void = () => {};
    const cutOff = new Promise<never>((_, fail) => {
      reject = fail;
    });
    this.pending.add(reject);
    try {
      // A loss rejects at once rather than after the timeout: the outbox can move on.
      await Promise.race([
        connection.publish(topic, JSON.stringify(payload), retain, this.publishTimeoutMs),
        cutOff,
      ]);
    } finally {
      this.pending.delete(reject);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.attempting = this.connect()
        .catch((error: unknown) => {
          this.emit('warning', { message: 'connect attempt crashed', cause: error });
        })
        .finally(() => {
          this.attempting = undefined;
        });
    }, delayMs);
  }

  private async connect(): Promise<void> {
    await this.closingPrevious;
    const client = this.client;
    if (!this.running || !client) return;
    let connection: Connection;
    try {
      // Reads the certificate and key: a missing file is retried like a network failure.
      connection = new Connection(client, this.connectionOptions(), {
        onMessage: (topic, payload) => this.receive(topic, payload),
        onLost: (error) => this.lose(connection, error),
      });
    } catch (error) {
      this.retry(asError(error));
      return;
    }
    this.connection = connection;
    try {
      await connection.open();
      // Subscribed every time: a broker that lost our session (a local restart) keeps no filters.
      await connection.subscribe(this.topics.commands);
      await connection.subscribe(this.topics.config);
      const status: OnlineStatus = {
        online: true,
        ...this.options.currentStatus(),
        at: toLocalIso(this.clock()),
      };
      await connection.publish(this.topics.status, JSON.stringify(status), true, this.publishTimeoutMs);
    } catch (error) {
      this.lose(connection, asError(error));
      return;
    }
    if (this.connection !== connection) return; // stopped meanwhile
    this.connectedAt = Date.now();
    this.isOnline = true;
    this.emit('online');
  }

  /** A connection failed or dropped: tear it down and try again later. Once per connection. */
  private lose(connection: Connection, error: Error): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.closingPrevious = connection.close().catch(() => {});
    this.goOffline(error);
    this.retry(error);
  }

  /** Schedules the next attempt after the backoff delay. */
  private retry(error: Error): void {
    if (!this.running) return;
    // A connection that is dropped right after it opened (a duplicate client id, a policy
    // refusal) must not reset the backoff, or two agents with one certificate would loop hot.
    if (this.connectedAt > 0 && Date.now() - this.connectedAt >= (this.options.stableAfterMs ?? 10_000)) {
      this.attempt = 0;
    }
    this.connectedAt = 0;
    const delayMs = backoffDelay(this.attempt, this.options.random, this.options.backoff ?? DEFAULT_BACKOFF);
    this.attempt += 1;
    this.emit('reconnecting', { attempt: this.attempt, delayMs, cause: error });
    this.schedule(delayMs);
  }

  private goOffline(cause: Error): void {
    const error =
      cause instanceof CloudOfflineError ? cause : new CloudOfflineError(cause.message, { cause });
    for (const reject of this.pending) reject(error);
    this.pending.clear();
    if (!this.isOnline) return;
    this.isOnline = false;
    this.emit('offline', error);
  }

  private receive(topic: string, payload: string): void {
    if (topic !== this.topics.commands && topic !== this.topics.config) {
      this.emit('warning', { message: `message on an unexpected topic ${topic}` });
      return;
    }
    if (payload.length === 0) return; // a cleared retained config: nothing to apply
    let decoded: unknown;
    try {
      decoded = JSON.parse(payload);
    } catch (error) {
      this.emit('warning', { message: `${topic}: payload is not JSON`, cause: error });
      return;
    }
    if (topic === this.topics.config) {
      this.emit('config', decoded);
      return;
    }
    const verdict: CommandVerdict = this.commands.accept(decoded, this.clock());
    if (verdict.accepted) this.emit('command', verdict.command);
    else {
      const detail = verdict.detail ? `: ${verdict.detail}` : '';
      this.emit('warning', {
        message: `command ${verdict.id ?? '(no id)'} dropped (${verdict.reason})${detail}`,
      });
    }
  }

  private connectionOptions(): ConnectionOptions {
    const { host, port } = parseEndpoint(this.options.endpoint);
    const will: OfflineStatus = { online: false, reason: 'connection_lost' };
    return {
      host,
      port,
      clientId: thingNameOf(this.options.ward),
      certPath: this.options.certPath,
      keyPath: this.options.keyPath,
      caPath: this.options.caPath,
      keepAliveSeconds: this.options.keepAliveSeconds ?? 30,
      operationTimeoutMs: this.publishTimeoutMs,
      connectTimeoutMs: this.options.connectTimeoutMs ?? 15_000,
      will: { topic: this.topics.status, payload: JSON.stringify(will) },
    };
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new ConnectionError(String(error));
}

/** `host:port` (IPv6 in brackets) → parts; throws on anything else. */
export function parseEndpoint(endpoint: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(endpoint);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65_535) throw new Error(`endpoint must be host:port, got ${endpoint}`);
  return { host: (match[1] ?? match[2]) as string, port };
}
