import type { DeviceView } from '../../../edge-agent/src/agent-api.ts';
import type { AgentStatus, DeviceHealth } from '../../../edge-agent/src/cloud/topics.ts';
import { toLocalIso } from '../time.ts';

export type DeviceKind = DeviceView['kind'];

const DEVICE_KINDS = [
  'printer',
  'led_board',
  'keypad',
  'display',
  'audio',
  'store',
] as const satisfies readonly DeviceKind[];

/** What a `status` message tells the cloud about a ward's agent. */
export interface AgentPresence {
  readonly online: boolean;
  /** When the cloud received it, local ISO time: one clock for every ward, not the agents'. */
  readonly lastSeenAt: string;
  /** Only an online status says these; an offline one (the last will) leaves the last known. */
  readonly outboxDepth?: number;
  readonly devices?: readonly DeviceView[];
  readonly reason?: 'connection_lost' | 'stopped';
}

/**
 * The presence a status stands for. Times are the cloud's receipt time, not the agent's `at`:
 * the last will carries no time at all, and comparing an agent's clock with the cloud's would
 * let a slow agent clock hide its own reconnect behind its last will.
 */
export function presenceOf(status: AgentStatus, receivedAt: Date): AgentPresence {
  const lastSeenAt = toLocalIso(receivedAt);
  if (!status.online) return { online: false, lastSeenAt, reason: status.reason };
  return {
    online: true,
    lastSeenAt,
    outboxDepth: status.outboxDepth,
    devices: Object.entries(status.devices).map(([id, health]) => deviceView(id, health)),
  };
}

/**
 * A device as the queue API lists it. The kind is the one the agent sends (DeviceHealth is open
 * for it), else read from the id (`printer`, `led_board-2`, `keypad-3`…).
 */
export function deviceView(id: string, health: DeviceHealth): DeviceView {
  const kind = asKind(health.kind) ?? DEVICE_KINDS.find((k) => id.replace(/-/g, '_').startsWith(k));
  return {
    id,
    ...(kind ? { kind } : {}),
    ok: health.online,
    ...(health.detail ? { detail: health.detail } : {}),
  } as DeviceView;
}

function asKind(value: unknown): DeviceKind | undefined {
  return DEVICE_KINDS.find((k) => k === value);
}
