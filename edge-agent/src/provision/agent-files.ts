import { access, chmod, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findWard } from '#domain/catalogue/units';
import { AgentSettings } from '../settings.ts';

/** The files a provisioning run writes into its output folder, relative to `agent.json`. */
export const AGENT_FILES = {
  certificate: 'certificate.pem.crt',
  privateKey: 'private.pem.key',
  ca: 'AmazonRootCA1.pem',
  settings: 'agent.json',
} as const;

/** IoT Core's MQTT over TLS port. */
export const IOT_MQTT_PORT = 8883;

/**
 * The agent's settings file for a ward: IoT endpoint and credentials beside it, data in `data/`,
 * and no printer or LED boards until the installer says which (edit `printer`, `ledBoards`).
 * Checked against the agent's own schema, so the agent will start with it.
 */
export function agentSettings(wardId: string, endpointHost: string): AgentSettings {
  const ward = findWard(wardId);
  return AgentSettings.parse({
    wardId,
    ...(ward ? { districtId: ward.districtId } : {}),
    iot: {
      endpoint: `${endpointHost}:${IOT_MQTT_PORT}`,
      certPath: AGENT_FILES.certificate,
      keyPath: AGENT_FILES.privateKey,
      caPath: AGENT_FILES.ca,
    },
    dataDir: 'data',
    printer: { kind: 'none' },
    ledBoards: { kind: 'none' },
  });
}

/** The files of an earlier run in `outDir`, which a run without `--force` must not overwrite. */
export async function existingAgentFiles(outDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of Object.values(AGENT_FILES)) {
    try {
      await access(join(outDir, name));
      found.push(join(outDir, name));
    } catch {
      // absent: fine
    }
  }
  return found;
}

/** Reads the CA to copy, refusing anything that is not a PEM certificate. */
export async function readCa(caPath: string): Promise<string> {
  const pem = await readFile(caPath, 'utf8');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${caPath} is not a PEM certificate`);
  return pem;
}

export interface AgentCredentials {
  readonly certificatePem: string;
  readonly privateKey: string;
  readonly caPath: string;
  readonly settings: AgentSettings;
}

/**
 * Writes the four files, the key readable by its owner only (0600; chmod too, since an existing
 * file keeps its mode through writeFile). Returns the paths written, in order.
 */
export async function writeAgentFiles(outDir: string, files: AgentCredentials): Promise<string[]> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  const write = async (name: string, data: string, mode: number) => {
    const path = join(outDir, name);
    await writeFile(path, data, { mode });
    await chmod(path, mode);
    written.push(path);
  };
  await write(AGENT_FILES.privateKey, files.privateKey, 0o600);
  await write(AGENT_FILES.certificate, files.certificatePem, 0o644);
  const ca = join(outDir, AGENT_FILES.ca);
  await copyFile(files.caPath, ca);
  await chmod(ca, 0o644);
  written.push(ca);
  await write(AGENT_FILES.settings, `${JSON.stringify(files.settings, null, 2)}\n`, 0o644);
  return written;
}
