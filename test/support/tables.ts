import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTables } from '../../infra/local/create-tables.ts';

/**
 * Points the functions at the run's DynamoDB Local under a fresh table prefix, and creates the
 * tables, so each test file has data of its own. Call before the first repository call.
 */
export async function useFreshTables(): Promise<string> {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const endpoint = inject('dynamodbEndpoint');
  Object.assign(process.env, {
    MOTCUA_DYNAMODB_ENDPOINT: endpoint,
    MOTCUA_TABLE_PREFIX: prefix,
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
  });
  await ensureTables(new DynamoDBClient({ endpoint }), prefix);
  return prefix;
}
