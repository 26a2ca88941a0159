import {
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import { findWardByAgencyCode } from '#domain/catalogue/units';
import { formatDossierCode, parseDossierCode } from '#domain/dossier/code';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { ConflictError, NotFoundError } from '#domain/errors';
import type { LocalDate } from '#domain/time';
import {
  counterKey,
  dossierItem,
  dossierPk,
  EVENT_PREFIX,
  META,
  newEventPut,
  withoutKeys,
} from './dossier-keys.ts';
import {
  backoff,
  cancellationCodes,
  capacityUnits,
  districtTable,
  documentClient,
  queryAll,
} from './dynamodb.ts';
import { KeyedQueue } from './keyed-queue.ts';

/** Daily sequence numbers have four digits (Circular 01/2018 art. 19). */
const MAX_SEQUENCE = 9999;
const MAX_ATTEMPTS = 60;

export interface Written<T> {
  readonly value: T;
  /** Write capacity units consumed by the successful transaction, index writes included. */
  readonly writeUnits: number;
  /** The part of `writeUnits` spent on the global secondary indexes. */
  readonly indexWriteUnits: number;
  /** Transactions sent: 1 unless a conflict made it retry. */
  readonly attempts: number;
}

export class DailyLimitError extends ConflictError {}

/** A new dossier with its history rows, and other items to write in the same transaction. */
export interface NewDossier {
  readonly dossier: Dossier;
  readonly history: readonly HistoryEntry[];
  /** Transaction items (`{ Put: … }`, `{ ConditionCheck: … }`) with conditions of their own. */
  readonly extra?: readonly NonNullable<TransactWriteCommandInput['TransactItems']>[number][];
}

/** The condition of `extra[index]` of a `createWith` failed, so nothing was written. */
export class ExtraConditionFailedError extends ConflictError {
  constructor(
    readonly index: number,
    options?: ErrorOptions,
  ) {
    super(`the condition of extra item ${index} failed; nothing was written`);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * Dossiers in the district table. Every write is one transaction: the dossier item, its
 * history row and (at intake) the ward's daily counter, so nothing is ever half-written.
 */
export class DossierRepository {
  readonly #intakes = new KeyedQueue();

  /**
   * Creates a dossier under the ward's next code for `date`: reads the counter, then writes
   * counter + dossier + history row in one transaction conditioned on the counter value, and
   * retries on conflict, so codes are gapless and never issued twice across processes.
   * Intakes of one ward are also queued in-process to spare retries under local load.
   */
  create(
    ward: Ward,
    date: LocalDate,
    build: (code: string) => { dossier: Dossier; entry: HistoryEntry },
  ): Promise<Written<Dossier>> {
    return this.createWith(ward, date, (code) => {
      const { dossier, entry } = build(code);
      return { dossier, history: [entry] };
    });
  }

  /**
   * Like `create`, for a dossier that arrives with its whole history and with `extra` items
   * written in the same transaction (the historical import's marker). The code comes from the
   * same counter. A failed condition on an extra item is final: it throws
   * ExtraConditionFailedError and nothing is written.
   */
  createWith(ward: Ward, date: LocalDate, build: (code: string) => NewDossier): Promise<Written<Dossier>> {
    return this.#intakes.run(`${ward.id}#${date}`, () => this.#createWithRetry(ward, date, build));
  }

  async #createWithRetry(ward: Ward, date: LocalDate, build: (code: string) => NewDossier) {
    const table = districtTable(ward.districtId);
    const key = counterKey(ward.id, date);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const counter = await documentClient().send(
        new GetCommand({ TableName: table, Key: key, ConsistentRead: true }),
      );
      const current = Number(counter.Item?.sequence ?? 0);
      const next = current + 1;
      if (next > MAX_SEQUENCE)
        throw new DailyLimitError(`ward ${ward.id} has used all ${MAX_SEQUENCE} codes of ${date}`);
      const { dossier, history, extra = [] } = build(formatDossierCode(ward.agencyCode, date, next));
      try {
        const result = await documentClient().send(
          new TransactWriteCommand({
            ReturnConsumedCapacity: 'INDEXES',
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: { ...key, sequence: next, wardId: ward.id, date },
                  ConditionExpression: current === 0 ? 'attribute_not_exists(pk)' : '#s = :current',
                  ...(current === 0
                    ? {}
                    : {
                        ExpressionAttributeNames: { '#s': 'sequence' },
                        ExpressionAttributeValues: { ':current': current },
                      }),
                },
              },
              {
                Put: {
                  TableName: table,
                  Item: dossierItem(dossier),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...history.map((entry) => newEventPut(table, dossier.code, entry)),
              ...extra,
            ],
          }),
        );
        return written(dossier, result.ConsumedCapacity, attempt);
      } catch (error) {
        const failedExtra = (cancellationCodes(error) ?? [])
          .slice(2 + history.length)
          .indexOf('ConditionalCheckFailed');
        if (failedExtra !== -1) throw new ExtraConditionFailedError(failedExtra, { cause: error });
        if (!isRetryable(error)) throw error;
        await backoff(attempt);
      }
    }
    throw new ConflictError(
      `could not allocate a dossier code for ward ${ward.id}: too much contention, try again`,
    );
  }

  /** Writes one state change if the stored version is still `expectedVersion`. */
  async save(
    change: { dossier: Dossier; entry: HistoryEntry },
    expectedVersion: number,
  ): Promise<Written<Dossier>> {
    const { dossier, entry } = change;
    const table = districtTable(dossier.districtId);
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const result = await documentClient().send(
          new TransactWriteCommand({
            ReturnConsumedCapacity: 'INDEXES',
            TransactItems: [
              {
                Put: {
                  TableName: table,
                  Item: dossierItem(dossier),
                  ConditionExpression: '#v = :expected',
                  ExpressionAttributeNames: { '#v': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              newEventPut(table, dossier.code, entry),
            ],
          }),
        );
        return written(dossier, result.ConsumedCapacity, attempt);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[0] === 'ConditionalCheckFailed' || codes?.[1] === 'ConditionalCheckFailed') {
          const old = (error as { CancellationReasons?: { Item?: Record<string, never> }[] })
            .CancellationReasons?.[0]?.Item;
          if (codes[0] === 'ConditionalCheckFailed' && !old)
            throw new NotFoundError(`dossier ${dossier.code} not found`);
          const currentVersion = old ? Number(unmarshall(old).version) : undefined;
          throw new ConflictError(
            `dossier ${dossier.code} was changed by someone else; reload it and try again`,
            {
              expectedVersion,
              currentVersion,
            },
          );
        }
        // Another transaction on the same item is in flight: retry, and the condition decides.
        if (!isRetryable(error)) throw error;
        await backoff(attempt);
      }
    }
    throw new ConflictError(`dossier ${dossier.code} is busy; try again`, { expectedVersion });
  }

  /** The dossier, or undefined when the code is malformed or unknown. `consistent` reads the latest write. */
  async find(code: string, options: { consistent?: boolean } = {}): Promise<Dossier | undefined> {
    const table = tableOfCode(code);
    if (!table) return undefined;
    const out = await documentClient().send(
      new GetCommand({
        TableName: table,
        Key: { pk: dossierPk(code), sk: META },
        ConsistentRead: options.consistent,
      }),
    );
    return out.Item ? withoutKeys<Dossier>(out.Item) : undefined;
  }

  async get(code: string): Promise<Dossier> {
    const dossier = await this.find(code);
    if (!dossier) throw new NotFoundError(`dossier ${code} not found`);
    return dossier;
  }

  /** The dossier and its history rows in order, read as one key range (the scans are not read). */
  async findWithHistory(code: string): Promise<{ dossier: Dossier; history: HistoryEntry[] } | undefined> {
    const table = tableOfCode(code);
    if (!table) return undefined;
    const items = await queryAll({
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk >= :from',
      ExpressionAttributeValues: { ':pk': dossierPk(code), ':from': EVENT_PREFIX },
    });
    const meta = items.find((i) => i.sk === META);
    if (!meta) return undefined;
    const history = items
      .filter((i) => String(i.sk).startsWith(EVENT_PREFIX))
      .map((i) => withoutKeys<HistoryEntry & { code?: string }>(i))
      .map(({ code: _code, ...entry }) => entry as HistoryEntry);
    return { dossier: withoutKeys<Dossier>(meta), history };
  }

  /** Overwrites the dossier item as is; only for tests and data repair tools. */
  async putRaw(dossier: Dossier): Promise<void> {
    await documentClient().send(
      new PutCommand({ TableName: districtTable(dossier.districtId), Item: dossierItem(dossier) }),
    );
  }
}

/** The district table a dossier code belongs to, from the ward's agency code in it. */
export function tableOfCode(code: string): string | undefined {
  const parsed = parseDossierCode(code);
  const ward = parsed && findWardByAgencyCode(parsed.agencyCode);
  return ward ? districtTable(ward.districtId) : undefined;
}

function isRetryable(error: unknown): boolean {
  const codes = cancellationCodes(error);
  if (codes) return codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict');
  return error instanceof Error && error.name === 'TransactionConflictException';
}

function written(
  dossier: Dossier,
  consumed: Parameters<typeof capacityUnits>[0],
  attempts: number,
): Written<Dossier> {
  const units = capacityUnits(consumed);
  return { value: dossier, writeUnits: units.total, indexWriteUnits: units.indexes, attempts };
}
