import { IoTDataPlaneClient, PublishCommand } from '@aws-sdk/client-iot-data-plane';
import { readEnv } from './env.ts';

let cached: { endpoint: string; client: IoTDataPlaneClient } | undefined;

/**
 * The one IoT data-plane client of this process, for `MOTCUA_IOT_DATA_ENDPOINT`. The data plane
 * has no default endpoint (it is per account), so a missing one is a deployment error. Made
 * again when the endpoint changes: a test process may start a second local runtime.
 */
export function iotDataClient(): IoTDataPlaneClient {
  const configured = readEnv().iotDataEndpoint;
  if (!configured) throw new Error('MOTCUA_IOT_DATA_ENDPOINT is not set: the IoT data-plane endpoint');
  const endpoint = /^https?:\/\//.test(configured) ? configured : `https://${configured}`;
  if (cached?.endpoint === endpoint) return cached.client;
  cached?.client.destroy();
  cached = { endpoint, client: new IoTDataPlaneClient({ endpoint }) };
  return cached.client;
}

/** Publishes a JSON payload at QoS 1 (IoT Core's highest); `retain` keeps it for later subscribers. */
export async function publishJson(
  topic: string,
  payload: unknown,
  options: { retain: boolean },
): Promise<void> {
  await iotDataClient().send(
    new PublishCommand({
      topic,
      qos: 1,
      retain: options.retain,
      payload: Buffer.from(JSON.stringify(payload), 'utf8'),
    }),
  );
}
