import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

/** Total write (or read) capacity units reported by ReturnConsumedCapacity. */
export function capacityUnits(
  consumed: { CapacityUnits?: number }[] | { CapacityUnits?: number } | undefined,
) {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}
