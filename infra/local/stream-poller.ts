import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#adapters/logger';
import type { DeadLetter } from '#adapters/stats-repository';
import { deadLetterOf } from '#handlers/streams/aggregate';

/**
 * The local stand-in for Lambda's DynamoDB stream event source: it follows the streams of the
 * given tables in DynamoDB Local from TRIM_HORIZON (the folds are idempotent, so replaying what
 * an earlier run already folded changes nothing), hands each batch to the same handler as the
 * cloud, retries what it reports as failed, and dead-letters a record still failing after that.
 */
export interface StreamPollerOptions {
  readonly endpoint: string;
  /** Tables whose streams to follow (the district tables). */
  readonly tables: readonly string[];
  readonly handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  readonly deadLetter: (letter: DeadLetter) => Promise<void>;
  /** Pause between polls that found nothing; default 200 ms. */
  readonly idleMs?: number;
  /** Deliveries of a failing record before it is dead-lettered; default 3. */
  readonly maxAttempts?: number;
  /** Records a GetRecords call and a handler batch take at most; default 100, like the cloud mapping. */
  readonly batchSize?: number;
}

export interface StreamPoller {
  /** Resolves once every record written to the tables before the call has been handled. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Shard {
  readonly id: string;
  readonly parent?: string;
  iterator?: string;
  lastSequence?: string;
  /** Closed and read to its end. */
  done: boolean;
  /** Number of the latest round whose read of this shard found nothing new. */
  caughtUpRound: number;
}

interface Stream {
  readonly table: string;
  arn?: string;
  readonly shards: Map<string, Shard>;
}

interface Drain {
  readonly afterRound: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Starts following the streams; the first poll runs at once. */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const idleMs = options.idleMs ?? 200;
  const maxAttempts = options.maxAttempts ?? 3;
  const limit = options.batchSize ?? 100;
  const dynamodb = new DynamoDBClient({ endpoint: options.endpoint });
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint });
  const followed: Stream[] = options.tables.map((table) => ({ table, shards: new Map() }));
  const drains: Drain[] = [];
  let round = 0;
  let stopped = false;
  let wake: (() => void) | undefined;

  async function streamArnOf(stream: Stream): Promise<string | undefined> {
    if (!stream.arn) {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: stream.table }));
      stream.arn = Table?.LatestStreamArn;
    }
    return stream.arn;
  }

  async function refreshShards(stream: Stream, arn: string): Promise<void> {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }),
      );
      for (const s of StreamDescription?.Shards ?? []) {
        if (!s.ShardId || stream.shards.has(s.ShardId)) continue;
        stream.shards.set(s.ShardId, {
          id: s.ShardId,
          ...(s.ParentShardId ? { parent: s.ParentShardId } : {}),
          done: false,
          caughtUpRound: 0,
        });
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  async function iteratorOf(arn: string, shard: Shard): Promise<string | undefined> {
    if (!shard.iterator) {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: arn,
          ShardId: shard.id,
          ...(shard.lastSequence
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: shard.lastSequence }
            : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      shard.iterator = ShardIterator;
    }
    return shard.iterator;
  }

  /** Reads one page of a shard and hands it over; the position moves only once it is handled. */
  async function pollShard(arn: string, shard: Shard, current: number): Promise<number> {
    const iterator = await iteratorOf(arn, shard);
    if (!iterator) {
      shard.done = true;
      return 0;
    }
    let page: { Records?: StreamRecord[]; NextShardIterator?: string };
    try {
      page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw error;
      shard.iterator = undefined; // a fresh one from the last record handled, next round
      return 0;
    }
    const records = (page.Records ?? []).map((r) => lambdaRecordOf(r, arn));
    if (records.length > 0) await deliver(records);
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) shard.lastSequence = last;
    shard.iterator = page.NextShardIterator;
    if (!page.NextShardIterator) shard.done = true;
    if (records.length === 0) shard.caughtUpRound = current;
    return records.length;
  }

  /** Calls the handler until the batch passes, dead-lettering a record that keeps failing. */
  async function deliver(batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    let attempts = 0;
    while (pending.length > 0 && !stopped) {
      let failed: string[];
      try {
        failed = (await options.handler({ Records: pending })).batchItemFailures.map((f) => f.itemIdentifier);
      } catch (error) {
        logger.error('stream handler failed on the whole batch', { error: error as Error });
        failed = pending.map((r) => r.dynamodb?.SequenceNumber ?? '');
      }
      const first = pending.findIndex((r) => failed.includes(r.dynamodb?.SequenceNumber ?? ''));
      if (first < 0) return;
      pending = pending.slice(first);
      attempts += 1;
      if (attempts < maxAttempts) {
        await sleep(50 * 2 ** attempts);
        continue;
      }
      const [given] = pending;
      if (given) {
        await options.deadLetter(deadLetterOf(given, `still failing after ${attempts} attempts`, new Date()));
      }
      pending = pending.slice(1);
      attempts = 0;
    }
  }

  /** One pass over every stream: new shards first, then a page of each readable shard. */
  async function poll(current: number): Promise<number> {
    let handled = 0;
    for (const stream of followed) {
      const arn = await streamArnOf(stream);
      if (!arn) continue;
      await refreshShards(stream, arn);
      for (const shard of stream.shards.values()) {
        if (shard.done) continue;
        const parent = shard.parent ? stream.shards.get(shard.parent) : undefined;
        // A child shard continues its parent: read it only once the parent is finished.
        if (parent && !parent.done) continue;
        handled += await pollShard(arn, shard, current);
      }
    }
    return handled;
  }

  function caughtUpSince(afterRound: number): boolean {
    return followed.every((stream) =>
      [...stream.shards.values()].every((s) => s.done || s.caughtUpRound > afterRound),
    );
  }

  async function run(): Promise<void> {
    while (!stopped) {
      round += 1;
      const current = round;
      let handled = 0;
      try {
        handled = await poll(current);
      } catch (error) {
        if (stopped) break;
        logger.error('stream poll failed', { error: error as Error });
      }
      for (const drain of [...drains]) {
        if (caughtUpSince(drain.afterRound)) {
          drains.splice(drains.indexOf(drain), 1);
          drain.resolve();
        }
      }
      if (handled === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idleMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  const running = run();

  return {
    drain() {
      if (stopped) return Promise.reject(new Error('the stream poller is stopped'));
      return new Promise<void>((resolve, reject) => {
        // Only a read that starts after this call can prove the records written before it were seen.
        drains.push({ afterRound: round, resolve, reject });
        wake?.();
      });
    },
    async stop() {
      if (stopped) return running;
      stopped = true;
      wake?.();
      await running;
      for (const drain of drains.splice(0)) drain.reject(new Error('the stream poller stopped'));
      dynamodb.destroy();
      streams.destroy();
    },
  };
}

/**
 * The Lambda event record of a stream record. The SDK and the Lambda event type describe the
 * same JSON (attribute values have the same shape; the creation time is in seconds).
 */
function lambdaRecordOf(record: StreamRecord, arn: string): DynamoDBRecord {
  const data = record.dynamodb;
  const created = data?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion,
    eventSource: record.eventSource,
    awsRegion: record.awsRegion,
    eventSourceARN: arn,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) } : {}),
      Keys: data?.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      NewImage: data?.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      OldImage: data?.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'],
      SequenceNumber: data?.SequenceNumber,
      SizeBytes: data?.SizeBytes,
      StreamViewType: data?.StreamViewType,
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
