import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hashPin } from '../edge-agent/src/sessions.ts';
import { type CertificateFiles, type LocalCa, loadOrCreateLocalCa } from '../infra/local/iot/ca.ts';

/** The ward every agent benchmark runs as. */
export const WARD_ID = 'hai-chau-i';

/** Counters of the seed layout (appendix 1); one clerk each, all with the same PIN. */
export const COUNTERS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const PIN = '2468';
export const clerkOf = (counter: number) => `clerk.c${counter}`;

/**
 * Wall-clock time in ms with sub-ms precision, the clock PrinterSimulator stamps `receivedAt`
 * with, so a time taken here and one taken in another process on this machine compare.
 */
export const epochMs = () => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A temp folder with the local CA, the ward's client certificate and a staff file, removed at the end. */
export interface Workspace {
  readonly dir: string;
  readonly ca: LocalCa;
  readonly thing: CertificateFiles;
  readonly staffFile: string;
  remove(): Promise<void>;
}

export async function createWorkspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), 'motcua-bench-agent-'));
  try {
    const ca = await loadOrCreateLocalCa(join(dir, 'ca'));
    const thing = await ca.clientCertificate(`motcua-${WARD_ID}`);
    const staffFile = join(dir, 'staff.json');
    const pinHash = hashPin(PIN);
    const staff = COUNTERS.map((c) => ({ id: clerkOf(c), name: `Cán bộ quầy ${c}`, pinHash }));
    await writeFile(staffFile, JSON.stringify(staff));
    return { dir, ca, thing, staffFile, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Where one agent of a benchmark lives and listens. */
export interface AgentFiles {
  readonly configFile: string;
  readonly dataDir: string;
  readonly lanUrl: string;
}

/**
 * Writes an agent settings file. The printer, when given, is a PrinterSimulator in the bench
 * process reached as a network printer: the agent drives it exactly as `kind: 'simulator'` would
 * (a NetworkPrinter on 127.0.0.1), but the simulator's memory and CPU stay out of the agent.
 */
export async function writeAgentFiles(
  ws: Workspace,
  name: string,
  options: { brokerPort: number; printerPort?: number },
): Promise<AgentFiles> {
  const lanPort = await freePort();
  const dataDir = join(ws.dir, name, 'data');
  const configFile = join(ws.dir, name, 'agent.json');
  const settings = {
    wardId: WARD_ID,
    iot: {
      endpoint: `127.0.0.1:${options.brokerPort}`,
      certPath: ws.thing.certPath,
      keyPath: ws.thing.keyPath,
      caPath: ws.ca.caCertPath,
    },
    dataDir,
    lan: { host: '127.0.0.1', port: lanPort },
    printer:
      options.printerPort === undefined
        ? { kind: 'none' }
        : { kind: 'network', host: '127.0.0.1', port: options.printerPort },
    staffFile: ws.staffFile,
  };
  await mkdir(join(ws.dir, name), { recursive: true });
  await writeFile(configFile, JSON.stringify(settings, null, 2));
  return { configFile, dataDir, lanUrl: `http://127.0.0.1:${lanPort}` };
}

/** A free TCP port on 127.0.0.1 (closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Milliseconds to 0.1, MB to 0.1: what the results file shows. */
export const tenth = (n: number) => Math.round(n * 10) / 10;
