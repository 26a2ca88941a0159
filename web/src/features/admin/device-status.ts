import type { QueuePicture } from '../../shared/api/types.ts';

export type DeviceView = QueuePicture['devices'][number];
export type DeviceKind = DeviceView['kind'];
export type Tone = 'ok' | 'warn' | 'bad';

/** The states the agent reports in its own words (edge-agent ticket-printing), each with a short label. */
export type DeviceState =
  | 'working'
  | 'fault'
  | 'paperOut'
  | 'paperLow'
  | 'coverOpen'
  | 'unreachable'
  | 'noReply'
  | 'paused'
  | 'notConfigured';

const KNOWN_DETAILS: Readonly<Record<string, DeviceState>> = {
  'Máy in hết giấy': 'paperOut',
  'Máy in sắp hết giấy': 'paperLow',
  'Nắp máy in đang mở': 'coverOpen',
  'Không kết nối được máy in': 'unreachable',
  'Máy in không phản hồi': 'noReply',
  'Máy in đang tạm ngừng': 'paused',
  'Chưa cấu hình máy in': 'notConfigured',
};

export interface DeviceStatus {
  readonly tone: Tone;
  readonly state: DeviceState;
  /** The agent's own words when they say more than the state. */
  readonly detail?: string;
}

/**
 * How a device is doing. A device may be working and still need attention (paper running low),
 * so the tone comes from the state, not only from `ok`.
 */
export function deviceStatus(device: Pick<DeviceView, 'ok' | 'detail'>): DeviceStatus {
  const known = device.detail ? KNOWN_DETAILS[device.detail] : undefined;
  if (known) return { tone: known === 'paperLow' ? 'warn' : device.ok ? 'ok' : 'bad', state: known };
  const detail = device.detail ? { detail: device.detail } : {};
  return device.ok ? { tone: 'ok', state: 'working', ...detail } : { tone: 'bad', state: 'fault', ...detail };
}

const KIND_ORDER: readonly (DeviceKind | undefined)[] = [
  'printer',
  'led_board',
  'keypad',
  'display',
  'audio',
  'store',
  undefined,
];

/** The kind as the page names it; an agent newer than this page may report kinds it does not know. */
export function knownKind(kind: DeviceKind | undefined): DeviceKind | 'unknown' {
  return kind && KIND_ORDER.includes(kind) ? kind : 'unknown';
}

/** Devices grouped by kind in the order staff look for them (printer first), then by id. */
export function sortDevices(devices: readonly DeviceView[]): DeviceView[] {
  const rank = (d: DeviceView) => KIND_ORDER.indexOf(KIND_ORDER.includes(d.kind) ? d.kind : undefined);
  return [...devices].sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

/** Events waiting in the agent's outbox: a few while online are on their way; otherwise the cloud is behind. */
export function outboxTone(agent: QueuePicture['agent']): Tone {
  if (agent.outboxDepth === 0) return 'ok';
  return agent.online && agent.outboxDepth < 100 ? 'ok' : 'warn';
}
