import * as z from 'zod';
import type { Command } from './commands.ts';

/**
 * The edge ↔ cloud contract of ARCHITECTURE §4 as types: one topic per kind under
 * `motcua/<district>/<ward>/`, each with its direction, retain flag and payload. Everything goes
 * at QoS 1 (IoT Core has no QoS 2). The cloud's IoT policy lets a thing use only its own ward's
 * topics, so a ward's identity travels in the topic, never in the payload.
 */

/** One queue or device event as the cloud needs it to ingest idempotently: a ULID and the local time. */
export const EventEnvelope = z.looseObject({
  id: z.string().length(26),
  type: z.string().min(1),
  at: z.string().min(1),
});

/** `events`: a batch of events from the outbox, published once and deleted after the PUBACK. */
export const EventBatch = z.object({ events: z.array(EventEnvelope).min(1) });
export type EventBatch = z.infer<typeof EventBatch>;

/** Health of one device (kiosk printer, LED board, display, rating pad), keyed by device id. */
export const DeviceHealth = z.looseObject({
  online: z.boolean(),
  detail: z.string().optional(),
});
export type DeviceHealth = z.infer<typeof DeviceHealth>;

/** `status` while connected: published (retained) on every connect and whenever it changes. */
export const OnlineStatus = z.object({
  online: z.literal(true),
  /** Events in the outbox not yet acknowledged by the cloud. */
  outboxDepth: z.number().int().min(0),
  devices: z.record(z.string(), DeviceHealth),
  /** Agent local time, ISO-8601 with +07:00. */
  at: z.string(),
});
export type OnlineStatus = z.infer<typeof OnlineStatus>;

/**
 * `status` when gone. `connection_lost` is the last will, registered at connect and published by
 * the broker when the socket dies, so it carries no time (the receiver stamps it);
 * `stopped` is said by the agent on an orderly stop.
 */
export const OfflineStatus = z.object({
  online: z.literal(false),
  reason: z.enum(['connection_lost', 'stopped']),
  at: z.string().optional(),
});
export type OfflineStatus = z.infer<typeof OfflineStatus>;

export const AgentStatus = z.discriminatedUnion('online', [OnlineStatus, OfflineStatus]);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** Topic kind → payload. `config` is validated by the agent (edge-agent/src/queue/config.ts). */
export interface CloudTopicPayloads {
  events: EventBatch;
  commands: Command;
  config: unknown;
  status: AgentStatus;
}
export type CloudTopicKind = keyof CloudTopicPayloads;

export interface TopicSpec {
  /** `up`: agent → cloud; `down`: cloud → agent. */
  readonly direction: 'up' | 'down';
  readonly retain: boolean;
}

/** Direction and retain flag of every topic kind (ARCHITECTURE §4). */
export const TOPIC_SPECS = {
  events: { direction: 'up', retain: false },
  commands: { direction: 'down', retain: false },
  config: { direction: 'down', retain: true },
  status: { direction: 'up', retain: true },
} as const satisfies Record<CloudTopicKind, TopicSpec>;

/** QoS of every topic: at least once, deduplicated by ids in the payloads. */
export const TOPIC_QOS = 1;

/** The ward an agent serves: a `Ward` of functions/domain/catalogue/units.ts fits. */
export interface WardRef {
  readonly id: string;
  readonly districtId: string;
}

/** `motcua-<wardId>`: client id, certificate CN and IoT thing name. */
export function thingNameOf(ward: WardRef): string {
  return `motcua-${ward.id}`;
}

/** The four topics of one ward. */
export function wardTopics(ward: WardRef): Readonly<Record<CloudTopicKind, string>> {
  const base = `motcua/${ward.districtId}/${ward.id}`;
  return {
    events: `${base}/events`,
    commands: `${base}/commands`,
    config: `${base}/config`,
    status: `${base}/status`,
  };
}

const KINDS = Object.keys(TOPIC_SPECS) as CloudTopicKind[];

/** Splits `motcua/<district>/<ward>/<kind>`; undefined for anything else (wildcards included). */
export function parseWardTopic(topic: string): (WardRef & { readonly kind: CloudTopicKind }) | undefined {
  const [root, districtId, id, kind, ...rest] = topic.split('/');
  if (root !== 'motcua' || rest.length > 0 || !districtId || !id || !kind) return undefined;
  if (!KINDS.includes(kind as CloudTopicKind) || [districtId, id].some((l) => l === '+' || l === '#')) {
    return undefined;
  }
  return { districtId, id, kind: kind as CloudTopicKind };
}
