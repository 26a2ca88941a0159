import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWardConfig } from '#adapters/queue-config';
import { replaceWardConfig } from '#adapters/queue-config-update';
import { findWard } from '#domain/catalogue/units';
import { ingest } from '#handlers/queue/ingest';
import { type RunningAgent, startAgent } from '../../edge-agent/src/bootstrap.ts';
import { hashPin } from '../../edge-agent/src/sessions.ts';
import { AgentSettings } from '../../edge-agent/src/settings.ts';
import { type StaffMember, seedWardConfig } from '../../edge-agent/src/ward-config.ts';
import { type RuleBridge, startRuleBridge } from './iot/bridge.ts';
import { type LocalBroker, startLocalBroker } from './iot/broker.ts';
import { loadOrCreateLocalCa } from './iot/ca.ts';
import { type DataPlaneServer, startDataPlaneServer } from './iot/data-plane.ts';

/**
 * The cloud holds the ward's config (with its staff) and the agent follows it. A fresh local
 * stack has none stored, so the first save from the admin page would send an empty staff list
 * and lock the demo clerk out: store the seed layout with the demo clerk first, as a ward
 * admin would when the ward starts.
 */
async function seedCloudConfig(staff: StaffMember[]): Promise<void> {
  const ward = findWard(DEMO_WARD);
  if (!ward || (await findWardConfig(ward))) return;
  await replaceWardConfig(ward, { ...seedWardConfig(staff), version: 1 }, 'local-runtime', new Date());
}

/** The ward whose agent `npm start` runs with simulated devices. */
export const DEMO_WARD = 'hai-chau-i';
/** PIN of the demo clerk at the demo agent's counters. */
export const DEMO_PIN = '1234';

export interface QueueRuntimeOptions {
  /** Certificates, the demo agent's store and config live here. */
  readonly dataDir: string;
  /** MQTT over mutual TLS; default 8883 (`MOTCUA_BROKER_PORT`). */
  readonly brokerPort?: number;
  /** The demo agent's LAN server; default 4000 (`AGENT_PORT`). */
  readonly agentPort?: number;
  /** Where the demo agent connects, e.g. through a fault-injecting proxy (`MOTCUA_AGENT_IOT_ENDPOINT`). */
  readonly agentIotEndpoint?: string;
}

export interface QueueRuntime {
  readonly brokerEndpoint: string;
  readonly dataPlaneEndpoint: string;
  readonly agent: RunningAgent;
  stop(): Promise<void>;
}

/**
 * The queue side of the local runtime: the IoT Core stand-in (aedes over mutual TLS with a
 * local CA and the same topic policy), the rule bridge into the same ingest handler as the
 * cloud, the data-plane shim for commands and config, and one ward agent with simulated devices.
 */
export async function startQueueRuntime(options: QueueRuntimeOptions): Promise<QueueRuntime> {
  const ca = await loadOrCreateLocalCa(join(options.dataDir, 'iot'));
  const broker: LocalBroker = await startLocalBroker({
    ca,
    host: '127.0.0.1',
    port: options.brokerPort ?? 8883,
  });
  let bridge: RuleBridge | undefined;
  let dataPlane: DataPlaneServer | undefined;
  try {
    bridge = await startRuleBridge({
      broker,
      onEvents: async (topic, payload) => void (await ingest(topic, payload)),
    });
    dataPlane = await startDataPlaneServer({ broker, port: 0 });
    process.env.MOTCUA_IOT_DATA_ENDPOINT = dataPlane.endpoint;

    const thing = await ca.clientCertificate(`motcua-${DEMO_WARD}`);
    const agentDir = join(options.dataDir, `agent-${DEMO_WARD}`);
    await mkdir(agentDir, { recursive: true });
    const staffFile = join(agentDir, 'staff.json');
    const staff = [
      { id: `clerk.${DEMO_WARD}`, name: 'Công chức tiếp nhận (demo)', pinHash: hashPin(DEMO_PIN) },
    ];
    await writeFile(staffFile, JSON.stringify(staff));
    const settings = AgentSettings.parse({
      wardId: DEMO_WARD,
      iot: {
        endpoint: options.agentIotEndpoint ?? broker.endpoint,
        certPath: thing.certPath,
        keyPath: thing.keyPath,
        caPath: ca.caCertPath,
      },
      dataDir: agentDir,
      lan: { host: '127.0.0.1', port: options.agentPort ?? 4000 },
      printer: { kind: 'simulator' },
      ledBoards: { kind: 'simulator', protocol: 'ascii' },
      staffFile,
    });
    const agent = await startAgent(settings);
    await seedCloudConfig(staff);
    return {
      brokerEndpoint: broker.endpoint,
      dataPlaneEndpoint: dataPlane.endpoint,
      agent,
      async stop() {
        await agent.stop();
        await bridge?.stop();
        await dataPlane?.stop();
        await broker.stop();
      },
    };
  } catch (error) {
    await bridge?.stop();
    await dataPlane?.stop();
    await broker.stop();
    throw error;
  }
}
