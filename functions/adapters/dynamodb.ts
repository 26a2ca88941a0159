import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { cityTableName, districtTableName } from '#infra/tables';
import { readEnv } from './env.ts';

let client: DynamoDBDocumentClient | undefined;

/** The one DynamoDB document client of this process, created on first use. */
export function documentClient(): DynamoDBDocumentClient {
  if (!client) {
    const { dynamodbEndpoint } = readEnv();
    const base = new DynamoDBClient(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {});
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return client;
}

export function districtTable(districtId: string): string {
  return districtTableName(readEnv().tablePrefix, districtId);
}

export function cityTable(): string {
  return cityTableName(readEnv().tablePrefix);
}

/** The code of each cancellation reason of a failed transaction, in item order. */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
}

/** Waits a random while, growing with the attempt number, before a retried write. */
export function backoff(attempt: number): Promise<void> {
  const cap = Math.min(200, 5 * 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
}

interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** Capacity units reported by ReturnConsumedCapacity `INDEXES`: total, and how much went to indexes. */
export function capacityUnits(consumed: Consumed[] | Consumed | undefined): {
  total: number;
  indexes: number;
} {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  let total = 0;
  let indexes = 0;
  for (const c of list) {
    total += c.CapacityUnits ?? 0;
    for (const gsi of Object.values(c.GlobalSecondaryIndexes ?? {})) indexes += gsi.CapacityUnits ?? 0;
  }
  return { total, indexes };
}

/** Every page of a query, following LastEvaluatedKey. */
export async function* queryPages(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): AsyncGenerator<QueryCommandOutput> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    yield page;
    start = page.LastEvaluatedKey;
  } while (start);
}

/** Every item of a query, across pages. */
export async function queryAll(
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of queryPages(input)) items.push(...(page.Items ?? []));
  return items;
}
