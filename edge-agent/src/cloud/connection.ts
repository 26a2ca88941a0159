import { iot, mqtt } from 'aws-iot-device-sdk-v2';

/**
 * One MQTT 3.1.1 connection of the device SDK, used once: opened, used until it is lost or
 * closed, then freed. CloudLink makes a new one for every attempt, because the SDK's own
 * reconnect cannot be given jitter and cannot be switched off; what we can do is take a lost
 * connection down at once. Three facts about the SDK (aws-crt 1.33) shape this file:
 * - `disconnect()` on a lost connection returns only when its pending reconnect attempt fires,
 *   so the SDK's reconnect interval is pinned to 1 s to bound how long the teardown takes;
 * - a connection whose `connect()` failed is never freed by the SDK (about 30 KB each, every
 *   attempt of a week offline), so we free it with its internal `close()`;
 * - a failed operation also emits `error`, which would crash the process without a listener.
 */
export interface ConnectionOptions {
  readonly host: string;
  readonly port: number;
  readonly clientId: string;
  readonly certPath: string;
  readonly keyPath: string;
  /** CA file to trust; the system's trust store when absent (Amazon Root CA for IoT Core). */
  readonly caPath?: string;
  readonly keepAliveSeconds: number;
  /** Also the SDK's protocol operation timeout, so a PUBACK that never comes fails there too. */
  readonly operationTimeoutMs: number;
  readonly connectTimeoutMs: number;
  readonly will: { readonly topic: string; readonly payload: string };
}

export interface ConnectionHandlers {
  /** A message on any topic, payload decoded as UTF-8 (zero-length ones arrive as ''). */
  onMessage(topic: string, payload: string): void;
  /** The connection dropped after being opened; called at most once. */
  onLost(error: Error): void;
}

/** An operation that did not complete: refused, timed out, or cut off by a lost connection. */
export class ConnectionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}

const QOS = mqtt.QoS.AtLeastOnce;
/** SUBACK return code of a refused subscription. */
const SUBACK_FAILURE = 128;
const decoder = new TextDecoder();

/** One device-SDK connection, opened once and freed after (see the top of this file). */
export class Connection {
  private readonly connection: mqtt.MqttClientConnection;
  private state: 'new' | 'opening' | 'open' | 'closing' | 'closed' = 'new';
  private connected?: Promise<boolean>;
  private closing?: Promise<void>;
  /** Settles when the SDK reports a failed connect: after that, it calls us no more. */
  private readonly failed: Promise<void>;

  constructor(
    client: mqtt.MqttClient,
    private readonly options: ConnectionOptions,
    handlers: ConnectionHandlers,
  ) {
    this.connection = client.new_connection(buildConfig(options));
    this.connection.on('error', () => {}); // every failure also rejects the operation's promise
    this.failed = new Promise((done) => this.connection.on('connection_failure', () => done()));
    // Not gated on state: a resumed session's queued messages may overtake the CONNACK callback.
    this.connection.on('message', (topic, payload) => handlers.onMessage(topic, decoder.decode(payload)));
    this.connection.on('interrupt', (error) => {
      if (this.state !== 'open') return;
      this.state = 'closing';
      handlers.onLost(new ConnectionError(`connection lost: ${error.message}`, { cause: error }));
    });
  }

  /** CONNECT and wait for CONNACK; rejects (and frees everything) when refused or too slow. */
  async open(): Promise<boolean> {
    if (this.state !== 'new') throw new ConnectionError('a connection is opened once');
    this.state = 'opening';
    this.connected = this.connection.connect();
    try {
      const sessionPresent = await withTimeout(this.connected, this.options.connectTimeoutMs, 'CONNACK');
      if (this.state !== 'opening') throw new ConnectionError('closed while connecting');
      this.state = 'open';
      return sessionPresent;
    } catch (error) {
      this.closing ??= this.teardown();
      throw asConnectionError(error, 'connect failed');
    }
  }

  /** QoS 1; resolves on PUBACK. */
  async publish(topic: string, payload: string, retain: boolean, timeoutMs: number): Promise<void> {
    if (this.state !== 'open') throw new ConnectionError('not connected');
    try {
      await withTimeout(this.connection.publish(topic, payload, QOS, retain), timeoutMs, 'PUBACK');
    } catch (error) {
      throw asConnectionError(error, `publish to ${topic} failed`);
    }
  }

  /** QoS 1; rejects when the broker refuses the filter (SUBACK 128). */
  async subscribe(filter: string): Promise<void> {
    if (this.state !== 'open') throw new ConnectionError('not connected');
    let granted: mqtt.MqttSubscribeRequest;
    try {
      granted = await withTimeout(
        this.connection.subscribe(filter, QOS),
        this.options.operationTimeoutMs,
        'SUBACK',
      );
    } catch (error) {
      throw asConnectionError(error, `subscribe to ${filter} failed`);
    }
    if ((granted.qos as number) === SUBACK_FAILURE) {
      throw new ConnectionError(`subscription to ${filter} refused`);
    }
  }

  /** DISCONNECT (no last will) if open, and free the native connection. Idempotent. */
  close(): Promise<void> {
    if (this.state !== 'closed') this.state = 'closing';
    this.closing ??= this.teardown();
    return this.closing;
  }

  private async teardown(): Promise<void> {
    if (!this.connected) {
      this.free(); // created, never opened
    } else {
      // Whatever connect() does, it settles (the SDK has its own socket and TLS timeouts).
      const wasConnected = await this.connected.then(
        () => true,
        () => false,
      );
      if (wasConnected) {
        // Resolves after the SDK's 'closed', which frees the connection itself.
        await this.connection.disconnect().catch(() => {});
      } else {
        // Wait for the failure callback the SDK has queued, then free what it never will.
        await Promise.race([this.failed, delay(1_000)]);
        this.free();
      }
    }
    this.state = 'closed';
  }

  private free(): void {
    try {
      (this.connection as unknown as { close(): void }).close();
    } catch {
      // Already freed: nothing left to do.
    }
  }
}

function buildConfig(options: ConnectionOptions): mqtt.MqttConnectionConfig {
  const builder = iot.AwsIotMqttConnectionConfigBuilder.new_mtls_builder_from_path(
    options.certPath,
    options.keyPath,
  );
  if (options.caPath) builder.with_certificate_authority_from_path(undefined, options.caPath);
  return builder
    .with_endpoint(options.host)
    .with_port(options.port)
    .with_client_id(options.clientId)
    .with_clean_session(false)
    .with_keep_alive_seconds(options.keepAliveSeconds)
    .with_protocol_operation_timeout_ms(options.operationTimeoutMs)
    .with_will(new mqtt.MqttWill(options.will.topic, QOS, options.will.payload, true))
    .with_reconnect_min_sec(1)
    .with_reconnect_max_sec(1)
    .build();
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms).unref());
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new ConnectionError(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The SDK rejects with strings or CrtErrors; callers get one error type with the cause kept. */
function asConnectionError(error: unknown, context: string): ConnectionError {
  if (error instanceof ConnectionError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ConnectionError(`${context}: ${detail}`, { cause: error });
}
