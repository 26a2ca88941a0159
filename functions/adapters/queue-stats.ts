import { BatchGetCommand, type BatchGetCommandOutput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { findWard, type Ward } from '#domain/catalogue/units';
import { ConflictError } from '#domain/errors';
import type { TicketRecord } from '#domain/queue/ticket';
import { type DeviceDelta, deviceHealthFigures, presenceFigures } from '#domain/stats/dashboards-devices';
import type { StatsGrain } from '#domain/stats/dossier-counters';
import { citedEvents, type EventFacts, type QueueDelta, ticketChange } from '#domain/stats/queue-fold';
import { isLocalDate } from '#domain/time';
import { QueueEvent } from '../../edge-agent/src/queue/events.ts';
import { backoff, cancellationCodes, cityTable, districtTable, documentClient } from './dynamodb.ts';
import { queueEventSk } from './queue-keys.ts';
import {
  deviceStatsPk,
  deviceStatsSk,
  queueStatsMarkerKey,
  queueStatsPk,
  queueStatsSk,
} from './queue-stats-keys.ts';
import { periodsOf } from './stats-keys.ts';
import type { StreamFold } from './stream-folds.ts';

type QueueStreamRecord = Parameters<StreamFold['apply']>[0];

/**
 * A record no retry can fold. Named, not imported: stream-folds.ts lists this fold, and a value
 * import back from it would make the two modules wait on each other.
 */
function poison(message: string): Error {
  const error = new Error(message);
  error.name = 'PoisonRecordError';
  return error;
}

const GRAINS: readonly StatsGrain[] = ['D', 'M', 'Y'];
/** Every change of a ward's day meets on a few items; a replay storm makes them take turns. */
const MAX_ATTEMPTS = 12;

/**
 * Folds changes of the queue's items into the queue and device statistics of the city table:
 * a ticket's record (`QUEUE#…`/`TICKET#…`: the difference of its figures before and after), a
 * device event (`QUEUE#…`/`EVENT#…` of type `device_health`) and the agent's presence
 * (`AGENT#…`/`STATUS`: the online span it closes). Idempotent on the stream record.
 */
export const queueStatsFold: StreamFold = {
  name: 'queue',
  matches({ pk, sk }) {
    if (pk.startsWith('QUEUE#')) return sk.startsWith('TICKET#') || sk.startsWith('EVENT#');
    return pk.startsWith('AGENT#') && sk === 'STATUS';
  },
  async apply(record) {
    const image = record.new ?? record.old;
    if (!image) return;
    const sk = String(image.sk);
    if (sk.startsWith('TICKET#')) await foldTicket(record, wardOf(image));
    else if (sk.startsWith('EVENT#')) await foldDeviceEvent(record, image);
    else await foldPresence(record, wardOf(image));
  },
};

function wardOf(image: Record<string, unknown>): Ward {
  const wardId = typeof image.wardId === 'string' ? image.wardId : String(image.pk).split('#')[1];
  const ward = findWard(wardId ?? '');
  if (!ward) throw poison(`unknown ward '${wardId}' in ${String(image.pk)}`);
  return ward;
}

async function foldTicket(record: QueueStreamRecord, ward: Ward): Promise<void> {
  const before = ticketOf(record.old);
  const after = ticketOf(record.new);
  const image = (record.new ?? record.old) as Record<string, unknown>;
  const day = String(image.day);
  if (!isLocalDate(day)) throw poison(`ticket item ${String(image.sk)} has no day`);
  const facts = await readFacts(ward, String(image.pk), [...citedEvents(before), ...citedEvents(after)]);
  const delta = ticketChange(before, after, (id) => facts.get(id));
  await writeFigures(record.eventId, ward, queueUpdates(ward, day, delta));
}

async function foldDeviceEvent(record: QueueStreamRecord, image: Record<string, unknown>): Promise<void> {
  // Only a new event counts; the ingest never rewrites one.
  if (record.old || image.type !== 'device_health') return;
  const event = QueueEvent.safeParse(image);
  if (!event.success) return;
  const ward = wardOf(image);
  await writeFigures(record.eventId, ward, deviceUpdates(ward, deviceHealthFigures(event.data)));
}

async function foldPresence(record: QueueStreamRecord, ward: Ward): Promise<void> {
  await writeFigures(record.eventId, ward, deviceUpdates(ward, presenceFigures(record.old, record.new)));
}

/** The record of a ticket item (functions/adapters/queue-events.ts), read as far as the fold needs it. */
function ticketOf(image: Record<string, unknown> | undefined): TicketRecord | undefined {
  if (!image) return undefined;
  const record = image.record as TicketRecord | undefined;
  if (typeof record !== 'object' || record === null || typeof record.number !== 'string')
    throw poison(`ticket item ${String(image.sk)} has no record`);
  return record;
}

/** The counter, clerk and source field of the events a ticket's record cites, by event id. */
async function readFacts(ward: Ward, pk: string, ids: string[]): Promise<Map<string, EventFacts>> {
  const facts = new Map<string, EventFacts>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return facts;
  const table = districtTable(ward.districtId);
  let keys: Record<string, unknown>[] | undefined = unique.map((id) => ({ pk, sk: queueEventSk(id) }));
  for (let attempt = 1; keys && keys.length > 0; attempt++) {
    const out: BatchGetCommandOutput = await documentClient().send(
      new BatchGetCommand({
        RequestItems: {
          [table]: {
            Keys: keys,
            ProjectionExpression: '#i, #c, clerk, fromField',
            ExpressionAttributeNames: { '#i': 'id', '#c': 'counter' },
          },
        },
      }),
    );
    for (const item of out.Responses?.[table] ?? []) {
      facts.set(String(item.id), {
        ...(typeof item.counter === 'number' ? { counter: item.counter } : {}),
        ...(typeof item.clerk === 'string' ? { clerk: item.clerk } : {}),
        ...(typeof item.fromField === 'string' ? { fromField: item.fromField } : {}),
      });
    }
    keys = out.UnprocessedKeys?.[table]?.Keys;
    if (keys && keys.length > 0) await backoff(attempt);
  }
  return facts;
}

/** One statistics item to ADD figures to, and the attributes that name what it counts. */
interface FigureUpdate {
  readonly key: { pk: string; sk: string };
  readonly names: Record<string, string | number>;
  readonly figures: Record<string, number>;
}

function queueUpdates(ward: Ward, day: string, delta: QueueDelta): FigureUpdate[] {
  const periods = periodsOf(day);
  return GRAINS.flatMap((grain) =>
    [...delta.values()].map(({ key, figures }) => ({
      key: { pk: queueStatsPk(ward.id), sk: queueStatsSk(grain, periods[grain], key) },
      names: {
        wardId: ward.id,
        districtId: ward.districtId,
        grain,
        period: periods[grain],
        fieldId: key.fieldId,
        counter: key.counter,
        clerk: key.clerk,
      },
      figures: figures as Record<string, number>,
    })),
  );
}

function deviceUpdates(ward: Ward, delta: DeviceDelta): FigureUpdate[] {
  // A span over several days of one month lands on one month item: sum before writing.
  const byKey = new Map<string, FigureUpdate>();
  for (const [day, figures] of delta) {
    const periods = periodsOf(day);
    for (const grain of GRAINS) {
      const sk = deviceStatsSk(grain, periods[grain]);
      const update = byKey.get(sk) ?? {
        key: { pk: deviceStatsPk(ward.id), sk },
        names: { wardId: ward.id, districtId: ward.districtId, grain, period: periods[grain] },
        figures: {},
      };
      for (const [figure, amount] of Object.entries(figures)) {
        update.figures[figure] = (update.figures[figure] ?? 0) + (amount ?? 0);
      }
      byKey.set(sk, update);
    }
  }
  return [...byKey.values()];
}

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * ADDs the figures and puts the record's marker in ONE transaction: the marker's condition makes
 * a replay fail as a whole, so a record is counted once or not at all.
 */
async function writeFigures(eventId: string, ward: Ward, updates: FigureUpdate[]): Promise<void> {
  const table = cityTable();
  const nonEmpty = updates.filter((u) => Object.values(u.figures).some((v) => v !== 0));
  if (nonEmpty.length === 0) return;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table,
        Item: { ...queueStatsMarkerKey(eventId), wardId: ward.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...nonEmpty.map((update) => figureItem(table, update)),
  ];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return;
      const raced =
        codes?.some((c) => c === 'TransactionConflict') ||
        (error as Error).name === 'TransactionConflictException';
      if (!raced) throw error;
      await backoff(attempt);
    }
  }
  throw new ConflictError(`statistics of ward ${ward.id} are busy; stream record ${eventId} not folded`);
}

function figureItem(table: string, update: FigureUpdate): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(update.names).map(([name, value], i) => {
    names[`#n${i}`] = name;
    values[`:n${i}`] = value;
    return `#n${i} = :n${i}`;
  });
  const adds = Object.entries(update.figures)
    .filter(([, amount]) => amount !== 0)
    .map(([figure, amount], i) => {
      names[`#a${i}`] = figure;
      values[`:a${i}`] = amount;
      return `#a${i} :a${i}`;
    });
  return {
    Update: {
      TableName: table,
      Key: update.key,
      UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
