import { isDeepStrictEqual } from 'node:util';
import type { WardConfig } from '../../../edge-agent/src/ward-config.ts';
import type { Role } from '../auth/principal.ts';
import { ConflictError, InvalidInputError } from '../errors.ts';

/**
 * Agents keep the newest config they were sent, so a config must carry a greater version than
 * the one it replaces (the seed is version 0). Sending the stored one again is not a conflict:
 * it is a retry, and it publishes again.
 */
export function checkVersion(next: WardConfig, current: WardConfig): 'newer' | 'same' {
  if (next.version > current.version) return 'newer';
  if (isDeepStrictEqual(next, current)) return 'same';
  throw new ConflictError(`version must be greater than ${current.version}, the ward's current config`, {
    currentVersion: current.version,
  });
}

/**
 * The config as a reader may see it. PIN hashes go to the agent and to the ward's admins only:
 * a 4-digit PIN falls to its hash in seconds, so clerks do not get each other's.
 */
export function configForReader(config: WardConfig, roles: readonly Role[]): WardConfig {
  if (roles.includes('ward_admin')) return config;
  return {
    ...config,
    staff: config.staff.map(({ pinHash: _hidden, ...member }) => member) as WardConfig['staff'],
  };
}

/** IoT Core's limit on one message: the config travels as one retained message. */
export const MAX_CONFIG_BYTES = 128 * 1024;

export function assertFitsOneMessage(config: WardConfig): void {
  const bytes = Buffer.byteLength(JSON.stringify(config), 'utf8');
  if (bytes > MAX_CONFIG_BYTES) {
    throw new InvalidInputError(
      '(body)',
      `is ${bytes} bytes as JSON; one IoT message holds ${MAX_CONFIG_BYTES}`,
    );
  }
}
