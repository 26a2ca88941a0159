import type { Ward } from '#domain/catalogue/units';
import type { CounterRecord } from '#domain/queue/counter';
import { type DayStats, emptyFieldStats, FIELD_STAT_KEYS, type FieldStatKey } from '#domain/queue/day-stats';
import type { LocalDate } from '#domain/time';
import { districtTable, queryAll } from './dynamodb.ts';
import {
  CLERK_LOG,
  COUNTER_PREFIX,
  DAY_SK,
  queueDayPk,
  SERVING_PREFIX,
  STAT_ATTRIBUTE,
} from './queue-keys.ts';

/** A ward's queue on one day as ingested: the figures per field and the counters. */
export interface StoredQueueDay {
  readonly stats: DayStats;
  readonly counters: CounterRecord[];
}

/** Reads the day's counters and figures: one key range of its partition (a dozen items). */
export async function readQueueDay(ward: Ward, day: LocalDate): Promise<StoredQueueDay> {
  const items = await queryAll({
    TableName: districtTable(ward.districtId),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: { ':pk': queueDayPk(ward.id, day), ':first': COUNTER_PREFIX, ':last': DAY_SK },
  });
  const dayItem = items.find((i) => i.sk === DAY_SK);
  return {
    stats: dayItem ? statsOf(dayItem) : new Map(),
    counters: items.filter((i) => String(i.sk).startsWith(COUNTER_PREFIX)).map(counterOf),
  };
}

function statsOf(item: Record<string, unknown>): DayStats {
  const stats: DayStats = new Map();
  for (const [name, value] of Object.entries(item)) {
    const match = STAT_ATTRIBUTE.exec(name);
    if (!match || !FIELD_STAT_KEYS.includes(match[2] as FieldStatKey)) continue;
    const field = match[1] as string;
    const figures = stats.get(field) ?? emptyFieldStats();
    figures[match[2] as FieldStatKey] = Number(value);
    stats.set(field, figures);
  }
  return stats;
}

function counterOf(item: Record<string, unknown>): CounterRecord {
  const serving = new Map<string, string>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(SERVING_PREFIX)) serving.set(name.slice(SERVING_PREFIX.length), String(value));
  }
  const log = item[CLERK_LOG];
  return {
    counter: Number(item.counter ?? String(item.sk).slice(COUNTER_PREFIX.length)),
    serving,
    clerkLog: log instanceof Set ? [...(log as Set<string>)] : [],
  };
}
