import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import * as z from 'zod';
import { findWard } from '#domain/catalogue/units';
import { Agent } from './agent.ts';
import { CloudLink } from './cloud/cloud-link.ts';
import { Announcer } from './devices/audio/announcer.ts';
import { bundledClipsDir } from './devices/audio/clips.ts';
import { LedBoardDriver } from './devices/led-board/driver.ts';
import { openSerialTransport } from './devices/led-board/serial-transport.ts';
import { LedBoardSimulator } from './devices/led-board/simulator.ts';
import { NetworkPrinter } from './devices/printer/network-printer.ts';
import { PrinterSimulator } from './devices/printer/simulator.ts';
import { LanServer } from './lan/server.ts';
import { EventStore } from './outbox/event-store.ts';
import { CounterSessions } from './sessions.ts';
import type { AgentSettings } from './settings.ts';
import { StaffMember, seedWardConfig, WardConfig } from './ward-config.ts';

/** A running agent with its LAN server and the simulators it started (if any). */
export interface RunningAgent {
  readonly agent: Agent;
  readonly lanUrl: string;
  readonly printerSimulator?: PrinterSimulator;
  readonly ledSimulator?: LedBoardSimulator;
  stop(): Promise<void>;
}

/** Builds every part from the settings file and starts the agent and its LAN server. */
export async function startAgent(
  settings: AgentSettings,
  options: { now?: () => Date } = {},
): Promise<RunningAgent> {
  const ward = findWard(settings.wardId);
  if (!ward) throw new Error(`unknown ward '${settings.wardId}'`);
  mkdirSync(settings.dataDir, { recursive: true });
  const now = options.now ?? (() => new Date());
  const ulid = monotonicFactory();

  const { store, alerts } = EventStore.open({ file: join(settings.dataDir, 'events.db'), now });
  const configFile = join(settings.dataDir, 'ward-config.json');
  const wardConfig = readWardConfig(configFile) ?? seedWardConfig(readStaff(settings.staffFile));

  let printerSimulator: PrinterSimulator | undefined;
  let printer: NetworkPrinter | undefined;
  if (settings.printer.kind === 'network')
    printer = new NetworkPrinter({ host: settings.printer.host, port: settings.printer.port });
  if (settings.printer.kind === 'simulator') {
    printerSimulator = new PrinterSimulator({ port: settings.printer.port });
    const { port } = await printerSimulator.start();
    printer = new NetworkPrinter({ host: '127.0.0.1', port });
  }

  let ledSimulator: LedBoardSimulator | undefined;
  let ledBoards: LedBoardDriver | undefined;
  if (settings.ledBoards.kind === 'simulator')
    ledSimulator = new LedBoardSimulator({ protocol: settings.ledBoards.protocol });
  if (settings.ledBoards.kind !== 'none') {
    const transport =
      settings.ledBoards.kind === 'serial'
        ? await openSerialTransport({ path: settings.ledBoards.path, baudRate: settings.ledBoards.baudRate })
        : (ledSimulator as LedBoardSimulator);
    // Board addresses follow counter numbers, the usual factory setting (address = counter).
    ledBoards = new LedBoardDriver({
      transport,
      protocol: settings.ledBoards.protocol,
      addressOf: (counter) => counter,
    });
  }

  let agent: Agent | undefined;
  const cloud = new CloudLink({
    endpoint: settings.iot.endpoint,
    ward,
    certPath: settings.iot.certPath,
    keyPath: settings.iot.keyPath,
    caPath: settings.iot.caPath,
    clock: now,
    currentStatus: () => ({
      outboxDepth: agent?.outboxDepth ?? store.depth(),
      devices: agent?.devices() ?? {},
    }),
  });

  agent = new Agent({
    wardId: ward.id,
    store,
    storeAlerts: alerts,
    wardConfig,
    sessions: new CounterSessions(sessionSecret(settings.dataDir), now),
    cloud,
    ...(printer ? { printer } : {}),
    ...(ledBoards ? { ledBoards } : {}),
    announcer: new Announcer({ clipsDir: bundledClipsDir }),
    followUrl:
      settings.followUrl ??
      `http://${settings.lan.host === '0.0.0.0' ? '127.0.0.1' : settings.lan.host}:${settings.lan.port}/display`,
    now,
    newId: () => ulid(now().getTime()),
    saveWardConfig: (config) => writeAtomically(configFile, JSON.stringify(config, null, 2)),
  });
  const lan = new LanServer({ agent, host: settings.lan.host, port: settings.lan.port, wardName: ward.name });
  await agent.start();
  const { url } = await lan.start();
  const running = agent;
  return {
    agent: running,
    lanUrl: url,
    ...(printerSimulator ? { printerSimulator } : {}),
    ...(ledSimulator ? { ledSimulator } : {}),
    async stop() {
      await lan.stop();
      await running.stop();
      await printerSimulator?.stop();
    },
  };
}

function readWardConfig(file: string): WardConfig | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = WardConfig.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function readStaff(file: string | undefined): StaffMember[] {
  if (!file) return [];
  const parsed = z.array(StaffMember).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `invalid staff file ${file}: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  return parsed.data;
}

/** The key that signs counter sessions; kept so sessions survive a restart of the agent. */
function sessionSecret(dataDir: string): Buffer {
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file);
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Write-then-rename, so a crash never leaves half a config file. */
function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}
