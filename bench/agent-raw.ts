import { performance } from 'node:perf_hooks';
import { mqtt } from 'aws-iot-device-sdk-v2';
import { Connection } from '../edge-agent/src/cloud/connection.ts';
import { thingNameOf, wardTopics } from '../edge-agent/src/cloud/topics.ts';
import type { CertificateFiles } from '../infra/local/iot/ca.ts';

export interface RawPublishOptions {
  readonly port: number;
  readonly thing: CertificateFiles;
  readonly caPath: string;
  readonly ward: { readonly id: string; readonly districtId: string };
  readonly events: readonly unknown[];
  /** Publishes awaiting their PUBACK at once. */
  readonly inFlight: number;
}

/**
 * The floor the outbox drain is compared with: each event as its own QoS 1 publish on the
 * agent's own connection class (the SDK's `mqtt.MqttClient`, mTLS, same client id, same options),
 * `inFlight` of them awaiting their PUBACK at once, with no store behind. Returns the ms from the
 * first publish to the last PUBACK (the TLS connect is outside, as it is for the drain).
 */
export async function rawPublishMs(options: RawPublishOptions): Promise<number> {
  const topics = wardTopics(options.ward);
  let lost: Error | undefined;
  const connection = new Connection(
    new mqtt.MqttClient(),
    {
      host: '127.0.0.1',
      port: options.port,
      clientId: thingNameOf(options.ward),
      certPath: options.thing.certPath,
      keyPath: options.thing.keyPath,
      caPath: options.caPath,
      keepAliveSeconds: 30,
      operationTimeoutMs: 10_000,
      connectTimeoutMs: 15_000,
      will: { topic: topics.status, payload: JSON.stringify({ online: false, reason: 'connection_lost' }) },
    },
    {
      onMessage: () => {},
      onLost: (error) => {
        lost = error;
      },
    },
  );
  await connection.open();
  try {
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: options.inFlight }, async () => {
        while (next < options.events.length) {
          const event = options.events[next++];
          // Serialised per publish, as any publisher must turn its event into bytes.
          await connection.publish(topics.events, JSON.stringify({ events: [event] }), false, 10_000);
        }
      }),
    );
    const ms = performance.now() - start;
    if (lost) throw new Error(`raw publisher lost its connection: ${lost.message}`);
    return ms;
  } finally {
    await connection.close();
  }
}
