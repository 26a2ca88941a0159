import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iot, mqtt } from 'aws-iot-device-sdk-v2';
import {
  type Denial,
  type LocalBroker,
  type ReceivedMessage,
  startLocalBroker,
} from '#infra/local/iot/broker';
import { type CertificateFiles, type LocalCa, loadOrCreateLocalCa } from '#infra/local/iot/ca';

/**
 * Shared by the IoT integration tests: a CA in a temporary folder, brokers on ephemeral ports of
 * 127.0.0.1, bare device-SDK connections (what an agent, or an impostor, would open), and a
 * cleanup list that afterEach/afterAll empties so no broker or socket outlives its test.
 */

const cleanups: Array<() => Promise<unknown>> = [];

/** Runs every registered cleanup, newest first (clients before the broker they talk to). */
export async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop() as () => Promise<unknown>;
    await Promise.race([cleanup().catch(() => {}), sleep(5_000)]);
  }
}

/** Registers `fn` to run at the next cleanUp(). */
export function onCleanUp(fn: () => Promise<unknown>): void {
  cleanups.push(fn);
}

/** A CA in a new temporary folder; remove it with removeCa() (usually in afterAll). */
export async function temporaryCa(): Promise<LocalCa> {
  return loadOrCreateLocalCa(await mkdtemp(join(tmpdir(), 'motcua-iot-ca-')));
}

/** Deletes a temporaryCa()'s folder. */
export function removeCa(ca: LocalCa): Promise<void> {
  return rm(ca.dir, { recursive: true, force: true });
}

/** A broker on 127.0.0.1 (ephemeral port unless given), recording its refusals; stopped at cleanUp(). */
export async function testBroker(ca: LocalCa, port = 0): Promise<{ broker: LocalBroker; denials: Denial[] }> {
  const denials: Denial[] = [];
  const broker = await startLocalBroker({ ca, port, onDenied: (d) => denials.push(d) });
  onCleanUp(() => broker.stop());
  return { broker, denials };
}

/** Collects what an in-process subscriber as `motcua-cloud` receives on `filter`. */
export async function recordAs(broker: LocalBroker, filter: string): Promise<ReceivedMessage[]> {
  const received: ReceivedMessage[] = [];
  const unsubscribe = await broker.subscribeAs('motcua-cloud', filter, (m) => received.push(m));
  onCleanUp(unsubscribe);
  return received;
}

export interface DeviceOptions {
  readonly port: number;
  /** Certificate and key to present; none for a client without a certificate. */
  readonly identity?: CertificateFiles;
  readonly caPath: string;
  readonly clientId: string;
  readonly will?: mqtt.MqttWill;
}

/** A bare device-SDK MQTT 3.1.1 connection (not yet connected), disconnected at cleanUp(). */
export function deviceConnection(options: DeviceOptions): {
  connection: mqtt.MqttClientConnection;
  messages: Array<{ topic: string; payload: string; retain: boolean }>;
  interrupted: Promise<void>;
} {
  const builder = options.identity
    ? iot.AwsIotMqttConnectionConfigBuilder.new_mtls_builder(options.identity.cert, options.identity.key)
    : iot.AwsIotMqttConnectionConfigBuilder.new_default_builder();
  builder
    .with_certificate_authority_from_path(undefined, options.caPath)
    .with_endpoint('127.0.0.1')
    .with_port(options.port)
    .with_client_id(options.clientId)
    .with_clean_session(true)
    .with_keep_alive_seconds(30)
    .with_protocol_operation_timeout_ms(3_000)
    // Bounds disconnect() of a dropped connection, which waits for the SDK's next reconnect.
    .with_reconnect_min_sec(1)
    .with_reconnect_max_sec(1);
  if (options.will) builder.with_will(options.will);
  const connection = new mqtt.MqttClient().new_connection(builder.build());
  connection.on('error', () => {});
  const messages: Array<{ topic: string; payload: string; retain: boolean }> = [];
  connection.on('message', (topic, payload, _dup, _qos, retain) =>
    messages.push({ topic, payload: new TextDecoder().decode(payload), retain }),
  );
  const interrupted = new Promise<void>((done) => connection.on('interrupt', () => done()));
  onCleanUp(() => connection.disconnect());
  return { connection, messages, interrupted };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
