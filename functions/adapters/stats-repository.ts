import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Dossier } from '#domain/dossier/dossier';
import { DOSSIER_COUNTERS, type DossierCounts, type StatsGrain } from '#domain/stats/dossier-counters';
import { type DossierDelta, dossierDelta } from '#domain/stats/dossier-fold';
import { cancellationCodes, cityTable, documentClient, queryAll } from './dynamodb.ts';
import { appliedVersionKey, deadLetterKey, periodsOf, statsPk, statsSk } from './stats-keys.ts';

/** One dossier change from the district table's stream (either image may be absent). */
export interface DossierChange {
  readonly eventId: string;
  readonly old?: Dossier;
  readonly new?: Dossier;
}

/** `applied`: the counters moved; `unchanged`: nothing to count; `replay`: already folded in. */
export type ChangeResult = 'applied' | 'unchanged' | 'replay';

/** A dossier statistics item as stored (stats-keys.ts). */
export interface DossierStatsItem {
  readonly wardId: string;
  readonly districtId: string;
  readonly fieldId: string;
  readonly procedureId: string;
  readonly grain: StatsGrain;
  readonly period: string;
  readonly counts: DossierCounts;
}

/** A stream record that could not be folded, kept for a person to look at. */
export interface DeadLetter {
  readonly eventId: string;
  /** When it was given up on. */
  readonly at: string;
  readonly reason: string;
  /** Where it came from: the stream's ARN, the event name and the item's keys (no images: personal data). */
  readonly source?: string;
  readonly eventName?: string;
  readonly keys?: Record<string, unknown>;
  readonly sequenceNumber?: string;
}

const GRAINS: readonly StatsGrain[] = ['D', 'M', 'Y'];

/**
 * The version a change leaves the dossier at. A removal has no new image: it counts as one
 * step past the last version, so a replay of it, or of anything before it, is recognised.
 */
const versionOf = (change: DossierChange): number => change.new?.version ?? (change.old?.version ?? 0) + 1;

/**
 * Folds one dossier change into the day, month and year counters of the city table, in one
 * transaction with the dossier's applied-version marker: it applies only if this version is
 * newer than the last one folded, so stream replays and retries never count twice.
 */
export async function applyDossierChange(change: DossierChange): Promise<ChangeResult> {
  const code = change.new?.code ?? change.old?.code;
  const deltas = dossierDelta(change.old, change.new);
  if (!code || deltas.length === 0) return 'unchanged';
  const table = cityTable();
  const version = versionOf(change);
  try {
    await documentClient().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: appliedVersionKey(code),
              UpdateExpression: 'SET #v = :v, #e = :e',
              ConditionExpression: 'attribute_not_exists(#v) OR #v < :v',
              ExpressionAttributeNames: { '#v': 'version', '#e': 'eventId' },
              ExpressionAttributeValues: { ':v': version, ':e': change.eventId },
            },
          },
          ...itemUpdates(deltas).map((u) => ({ Update: { TableName: table, ...u } })),
        ],
      }),
    );
    return 'applied';
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'replay';
    throw error;
  }
}

/** One update per stats item the deltas touch (day, month, year), zero sums left out. */
function itemUpdates(deltas: DossierDelta[]) {
  const items = new Map<
    string,
    { delta: DossierDelta; grain: StatsGrain; period: string; counts: Record<string, number> }
  >();
  for (const delta of deltas) {
    const periods = periodsOf(delta.day);
    for (const grain of GRAINS) {
      const period = periods[grain];
      const sk = statsSk(grain, period, delta.fieldId, delta.procedureId);
      const key = `${statsPk(delta.wardId)}|${sk}`;
      const item = items.get(key) ?? { delta, grain, period, counts: {} };
      for (const [counter, n] of Object.entries(delta.counts)) {
        item.counts[counter] = (item.counts[counter] ?? 0) + (n ?? 0);
      }
      items.set(key, item);
    }
  }
  return [...items.values()].flatMap(({ delta, grain, period, counts }) => {
    const changed = DOSSIER_COUNTERS.filter((c) => (counts[c] ?? 0) !== 0);
    // A move inside one month (a due day pushed out by a pause) nets to zero at M and Y.
    if (changed.length === 0) return [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const adds = changed.map((counter, i) => {
      names[`#c${i}`] = counter;
      values[`:c${i}`] = counts[counter];
      return `#c${i} :c${i}`;
    });
    const descriptive = {
      wardId: delta.wardId,
      districtId: delta.districtId,
      fieldId: delta.fieldId,
      procedureId: delta.procedureId,
      grain,
      period,
    };
    const sets = Object.entries(descriptive).map(([attribute, value], i) => {
      names[`#d${i}`] = attribute;
      values[`:d${i}`] = value;
      return `#d${i} = if_not_exists(#d${i}, :d${i})`;
    });
    return [
      {
        Key: { pk: statsPk(delta.wardId), sk: statsSk(grain, period, delta.fieldId, delta.procedureId) },
        UpdateExpression: `SET ${sets.join(', ')} ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    ];
  });
}

/** Keeps a stream record that could not be folded (stats-keys.ts deadLetterKey). */
export async function putDeadLetter(letter: DeadLetter): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: cityTable(),
      Item: { ...deadLetterKey(letter.at, letter.eventId), ...letter },
    }),
  );
}

/** The dead letters, oldest first. */
export async function readDeadLetters(): Promise<DeadLetter[]> {
  const items = await queryAll({
    TableName: cityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': deadLetterKey('', '').pk },
    ConsistentRead: true,
  });
  return items.map(({ pk: _pk, sk: _sk, ...letter }) => letter as unknown as DeadLetter);
}

/**
 * A ward's dossier statistics at one grain, periods `from`–`to` inclusive (`YYYY-MM-DD`,
 * `YYYY-MM` or `YYYY` as the grain says), every field and procedure.
 */
export async function readDossierStats(
  wardId: string,
  grain: StatsGrain,
  from: string,
  to: string,
): Promise<DossierStatsItem[]> {
  const items = await queryAll({
    TableName: cityTable(),
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': statsPk(wardId),
      ':from': `${grain}#${from}`,
      ':to': `${grain}#${to}~`,
    },
    ConsistentRead: true,
  });
  return items.map((item) => {
    const counts: DossierCounts = {};
    for (const counter of DOSSIER_COUNTERS) {
      if (typeof item[counter] === 'number') counts[counter] = item[counter] as number;
    }
    return {
      wardId: String(item.wardId),
      districtId: String(item.districtId),
      fieldId: String(item.fieldId),
      procedureId: String(item.procedureId),
      grain: item.grain as StatsGrain,
      period: String(item.period),
      counts,
    };
  });
}
