import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import { ConflictError } from '#domain/errors';
import { type ClerkEvent, clerkLogEntry, isClerkEvent, type ServingMark } from '#domain/queue/counter';
import type { FieldStatKey, StatsDelta } from '#domain/queue/day-stats';
import { planTicketChange, type TicketChange } from '#domain/queue/fold';
import { isTicketEvent, type TicketRecord } from '#domain/queue/ticket';
import { toLocalIso } from '#domain/time';
import type { QueueEvent } from '../../edge-agent/src/queue/events.ts';
import { backoff, cancellationCodes, districtTable, documentClient } from './dynamodb.ts';
import {
  CLERK_LOG,
  counterSk,
  DAY_SK,
  queueDayPk,
  queueEventSk,
  servingAttribute,
  statAttribute,
  ticketSk,
} from './queue-keys.ts';

/** Every event of a ward's day meets on its DAY item; a replay storm makes them take turns. */
const MAX_ATTEMPTS = 12;

export type IngestOutcome = 'ingested' | 'duplicate';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

/**
 * Stores one queue event and folds it into its day in ONE transaction: the event's item
 * (conditional on not existing: the idempotency record), the ticket's record (conditional on the
 * version read), the day's figures (ADD: commutative) and the counters it touches. A replayed
 * event fails the first condition and changes nothing; a concurrent change to the same ticket
 * fails the second, and the event is worked out again on the new record.
 */
export async function ingestQueueEvent(
  ward: Ward,
  event: QueueEvent,
  receivedAt: Date,
): Promise<IngestOutcome> {
  const table = districtTable(ward.districtId);
  const at = { ward, table, pk: queueDayPk(ward.id, event.day), day: event.day };
  const eventPut: TransactItem = {
    Put: {
      TableName: table,
      Item: {
        ...event,
        pk: at.pk,
        sk: queueEventSk(event.id),
        wardId: ward.id,
        districtId: ward.districtId,
        receivedAt: toLocalIso(receivedAt),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let items: TransactItem[];
    if (isTicketEvent(event)) {
      const stored = await readTicket(at, event.number);
      items = [eventPut, ...ticketItems(at, planTicketChange(stored?.record, event), stored)];
    } else if (isClerkEvent(event)) {
      items = [eventPut, clerkItem(at, event)];
    } else {
      items = [eventPut];
    }
    try {
      await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
      return 'ingested';
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') return 'duplicate';
      const raced =
        codes?.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict') ||
        (error as Error).name === 'TransactionConflictException';
      if (!raced) throw error;
      await backoff(attempt);
    }
  }
  throw new ConflictError(`queue of ward ${ward.id} on ${event.day} is busy; event ${event.id} not ingested`);
}

interface DayRef {
  readonly ward: Ward;
  readonly table: string;
  readonly pk: string;
  readonly day: string;
}

interface StoredTicket {
  readonly record: TicketRecord;
  readonly version: number;
}

async function readTicket(at: DayRef, number: string): Promise<StoredTicket | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: at.table, Key: { pk: at.pk, sk: ticketSk(number) }, ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  return { record: out.Item.record as TicketRecord, version: Number(out.Item.version) };
}

function ticketItems(at: DayRef, change: TicketChange, stored: StoredTicket | undefined): TransactItem[] {
  // Nothing new: the event is still recorded, so its replay is recognised without a read.
  if (!change.changed) return [];
  const version = (stored?.version ?? 0) + 1;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: at.table,
        Item: {
          pk: at.pk,
          sk: ticketSk(change.record.number),
          wardId: at.ward.id,
          day: at.day,
          record: change.record,
          version,
        },
        ConditionExpression: stored ? '#v = :expected' : 'attribute_not_exists(pk)',
        ...(stored
          ? {
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':expected': stored.version },
            }
          : {}),
      },
    },
  ];
  if (change.stats.size > 0) items.push(dayItem(at, change.stats));
  items.push(...servingItems(at, change.serving));
  return items;
}

/** ADDs the figures' changes; also names the ward and day for the dashboards' stream consumer. */
function dayItem(at: DayRef, delta: StatsDelta): TransactItem {
  const names: Record<string, string> = { '#ward': 'wardId', '#district': 'districtId', '#day': 'day' };
  const values: Record<string, unknown> = {
    ':ward': at.ward.id,
    ':district': at.ward.districtId,
    ':day': at.day,
  };
  const adds: string[] = [];
  for (const [field, changes] of delta) {
    for (const [key, amount] of Object.entries(changes) as [FieldStatKey, number][]) {
      const i = adds.length;
      names[`#a${i}`] = statAttribute(field, key);
      values[`:a${i}`] = amount;
      adds.push(`#a${i} :a${i}`);
    }
  }
  return {
    Update: {
      TableName: at.table,
      Key: { pk: at.pk, sk: DAY_SK },
      UpdateExpression: `SET #ward = :ward, #district = :district, #day = :day ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Moves a ticket's serving mark. Only this ticket's transactions write its mark, and they take
 * turns on the ticket's version, so plain SET and REMOVE are safe here.
 */
function servingItems(at: DayRef, serving: TicketChange['serving']): TransactItem[] {
  const { from, to } = serving;
  const items: TransactItem[] = [];
  if (from && from.counter !== to?.counter) {
    items.push({
      Update: {
        TableName: at.table,
        Key: { pk: at.pk, sk: counterSk(from.counter) },
        UpdateExpression: 'REMOVE #s',
        ExpressionAttributeNames: { '#s': servingAttribute(from.number) },
      },
    });
  }
  if (to) items.push(markServing(at, to));
  return items;
}

function markServing(at: DayRef, to: ServingMark): TransactItem {
  return {
    Update: {
      TableName: at.table,
      Key: { pk: at.pk, sk: counterSk(to.counter) },
      UpdateExpression: 'SET #s = :call, #ward = :ward, #day = :day, #counter = :counter',
      ExpressionAttributeNames: { '#s': servingAttribute(to.number), ...COUNTER_NAMES },
      ExpressionAttributeValues: {
        ':call': to.callId,
        ':ward': at.ward.id,
        ':day': at.day,
        ':counter': to.counter,
      },
    },
  };
}

/** Adds the login or logout to the counter's set: a union, so order and replays do not matter. */
function clerkItem(at: DayRef, event: ClerkEvent): TransactItem {
  return {
    Update: {
      TableName: at.table,
      Key: { pk: at.pk, sk: counterSk(event.counter) },
      UpdateExpression: 'SET #ward = :ward, #day = :day, #counter = :counter ADD #log :entry',
      ExpressionAttributeNames: { '#log': CLERK_LOG, ...COUNTER_NAMES },
      ExpressionAttributeValues: {
        ':entry': new Set([clerkLogEntry(event)]),
        ':ward': at.ward.id,
        ':day': at.day,
        ':counter': event.counter,
      },
    },
  };
}

const COUNTER_NAMES = { '#ward': 'wardId', '#day': 'day', '#counter': 'counter' };
