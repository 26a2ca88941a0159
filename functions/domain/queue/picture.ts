import type { DeviceView } from '../../../edge-agent/src/agent-api.ts';
import type { QueueConfig } from '../../../edge-agent/src/queue/config.ts';
import type { AgentPresence } from './agent-presence.ts';
import { type CounterRecord, clerkOf, servingOf } from './counter.ts';
import type { DayStats } from './day-stats.ts';

/** `GET /v1/wards/{wardId}/queue`: the ward's queue today, as far as the cloud has heard. */
export interface QueuePicture {
  readonly agent: {
    readonly online: boolean;
    readonly lastSeenAt: string | null;
    readonly outboxDepth: number;
  };
  readonly counters: readonly {
    readonly counter: number;
    readonly fields: readonly string[];
    readonly serving?: string;
    readonly clerk?: string;
  }[];
  readonly fields: readonly {
    readonly field: string;
    readonly waiting: number;
    readonly issuedToday: number;
    readonly servedToday: number;
    readonly noShowToday: number;
  }[];
  readonly devices: readonly DeviceView[];
}

export interface PictureInput {
  /** The ward's queue layout (its stored config, or the seed one). */
  readonly config: QueueConfig;
  readonly stats: DayStats;
  readonly counters: readonly CounterRecord[];
  /** Undefined until the agent has said anything. */
  readonly presence?: AgentPresence;
}

/**
 * Counters and fields in the order of the ward's config, then any the events named that the
 * config does not (a config changed during the day), so nothing counted is hidden.
 */
export function queuePicture(input: PictureInput): QueuePicture {
  const { config, stats, presence } = input;
  const byNumber = new Map(input.counters.map((c) => [c.counter, c]));
  const counterNumbers = [
    ...config.counters.map((c) => c.number),
    ...[...byNumber.keys()].filter((n) => !config.counters.some((c) => c.number === n)).sort((a, b) => a - b),
  ];
  const fieldIds = [
    ...config.fields.map((f) => f.id),
    ...[...stats.keys()].filter((id) => !config.fields.some((f) => f.id === id)).sort(),
  ];
  return {
    agent: {
      online: presence?.online ?? false,
      lastSeenAt: presence?.lastSeenAt ?? null,
      outboxDepth: presence?.outboxDepth ?? 0,
    },
    counters: counterNumbers.map((number) => {
      const record = byNumber.get(number);
      const serving = record && servingOf(record.serving);
      const clerk = record && clerkOf(record.clerkLog);
      return {
        counter: number,
        fields: config.counters.find((c) => c.number === number)?.fields ?? [],
        ...(serving ? { serving } : {}),
        ...(clerk ? { clerk } : {}),
      };
    }),
    fields: fieldIds.map((field) => {
      const s = stats.get(field);
      return {
        field,
        waiting: s?.waiting ?? 0,
        issuedToday: s?.issued ?? 0,
        servedToday: s?.served ?? 0,
        noShowToday: s?.noShow ?? 0,
      };
    }),
    devices: presence?.devices ?? [],
  };
}
