import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#adapters/logger';
import { type DeadLetter, putDeadLetter } from '#adapters/stats-repository';
import { type StreamFold, streamFolds } from '#adapters/stream-folds';
import { toLocalIso } from '#domain/time';

/** What the batch needs besides its records; tests replace the folds and the dead-letter store. */
export interface BatchDependencies {
  readonly folds: readonly StreamFold[];
  readonly deadLetter: (letter: DeadLetter) => Promise<void>;
  readonly now: () => Date;
}

const DEFAULTS: BatchDependencies = { folds: streamFolds, deadLetter: putDeadLetter, now: () => new Date() };

/** A record that can never be folded, whatever the retries. */
const isPoison = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'PoisonRecordError' || error.name === 'ZodError');

function poison(message: string, cause: unknown): Error {
  const error = new Error(message, { cause });
  error.name = 'PoisonRecordError';
  return error;
}

type Image = NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];

// The Lambda event types and the SDK's describe the same JSON shapes under different names.
const imageOf = (image: Image): Record<string, unknown> | undefined =>
  image ? unmarshall(image as Record<string, AttributeValue>) : undefined;

const idOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? record.eventID ?? '';

/** Folds one record into every fold matching its keys; throws what a fold throws. */
async function foldRecord(record: DynamoDBRecord, folds: readonly StreamFold[]): Promise<void> {
  let keys: { pk: string; sk: string };
  let old: Record<string, unknown> | undefined;
  let next: Record<string, unknown> | undefined;
  try {
    const raw = imageOf(record.dynamodb?.Keys) ?? {};
    if (typeof raw.pk !== 'string' || typeof raw.sk !== 'string') throw new Error('record has no pk and sk');
    keys = { pk: raw.pk, sk: raw.sk };
    old = imageOf(record.dynamodb?.OldImage);
    next = imageOf(record.dynamodb?.NewImage);
  } catch (error) {
    throw poison(`unreadable stream record: ${(error as Error).message}`, error);
  }
  for (const fold of folds.filter((f) => f.matches(keys))) {
    try {
      await fold.apply({ eventId: record.eventID ?? idOf(record), old, new: next });
    } catch (error) {
      if (!isPoison(error)) throw error;
      throw poison(`${fold.name}: ${(error as Error).message}`, error);
    }
  }
}

/**
 * Folds a stream batch in order. A poisoned record is dead-lettered and skipped; at the first
 * other failure the batch stops, and that record and every later one are reported as failed
 * (ReportBatchItemFailures), so no later change of the same item is folded before it.
 */
export async function foldStreamBatch(
  event: DynamoDBStreamEvent,
  deps: BatchDependencies = DEFAULTS,
): Promise<DynamoDBBatchResponse> {
  const records = event.Records;
  for (const [index, record] of records.entries()) {
    try {
      await foldRecord(record, deps.folds);
    } catch (error) {
      try {
        if (!isPoison(error)) throw error;
        logger.warn('stream record dead-lettered', {
          eventId: record.eventID,
          reason: (error as Error).message,
        });
        await deps.deadLetter(deadLetterOf(record, (error as Error).message, deps.now()));
      } catch (failure) {
        logger.error('stream record failed; retrying from it', {
          eventId: record.eventID,
          error: failure as Error,
        });
        return { batchItemFailures: records.slice(index).map((r) => ({ itemIdentifier: idOf(r) })) };
      }
    }
  }
  return { batchItemFailures: [] };
}

/** What is kept of a record given up on: where it came from and why, not its images (personal data). */
export function deadLetterOf(record: DynamoDBRecord, reason: string, at: Date): DeadLetter {
  const keys = record.dynamodb?.Keys;
  return {
    eventId: record.eventID ?? idOf(record),
    at: toLocalIso(at),
    reason,
    ...(record.eventSourceARN ? { source: record.eventSourceARN } : {}),
    ...(record.eventName ? { eventName: record.eventName } : {}),
    ...(keys ? { keys: unmarshallSafely(keys) } : {}),
    ...(record.dynamodb?.SequenceNumber ? { sequenceNumber: record.dynamodb.SequenceNumber } : {}),
  };
}

function unmarshallSafely(keys: Image): Record<string, unknown> {
  try {
    return imageOf(keys) ?? {};
  } catch {
    return {};
  }
}

/** The district table's stream → the statistics in the city table (stream-folds.ts). */
export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => foldStreamBatch(event);
