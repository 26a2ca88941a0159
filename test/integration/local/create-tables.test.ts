import { randomBytes } from 'node:crypto';
import {
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { districts } from '#domain/catalogue/units';
import { ensureTable, ensureTables } from '#infra/local/create-tables';
import { cityTableName, DISTRICT_INDEX, districtTableName } from '#infra/tables';

const client = new DynamoDBClient({
  endpoint: inject('dynamodbEndpoint'),
  region: 'ap-southeast-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
const prefix = `t${randomBytes(4).toString('hex')}`;
const created: string[] = [];

async function tablesOfPrefix(): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []).filter((n) => n.startsWith(`${prefix}-`)));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names.sort();
}

afterAll(async () => {
  await Promise.all(created.map((name) => client.send(new DeleteTableCommand({ TableName: name }))));
  client.destroy();
});

describe('ensureTables', () => {
  it('creates the city table and one table per district', async () => {
    await ensureTables(client, prefix);
    const expected = [cityTableName(prefix), ...districts.map((d) => districtTableName(prefix, d.id))].sort();
    created.push(...expected);
    expect(expected).toHaveLength(8);
    expect(await tablesOfPrefix()).toEqual(expected);
  });

  it('gives each district table its GSIs with every attribute projected, a stream and on-demand billing', async () => {
    const { Table } = await client.send(
      new DescribeTableCommand({ TableName: districtTableName(prefix, 'hai-chau') }),
    );
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(Object.values(DISTRICT_INDEX).sort());
    for (const index of indexes) {
      expect(index.Projection?.ProjectionType).toBe('ALL');
      expect(index.IndexStatus).toBe('ACTIVE');
    }
  });

  it('gives the city table a stream', async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: cityTableName(prefix) }));
    expect(Table?.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(Table?.GlobalSecondaryIndexes).toBeUndefined();
  });

  it('leaves existing tables alone when run again', async () => {
    const before = await client.send(new DescribeTableCommand({ TableName: cityTableName(prefix) }));
    await ensureTables(client, prefix);
    await Promise.all([ensureTables(client, prefix), ensureTables(client, prefix)]);
    const after = await client.send(new DescribeTableCommand({ TableName: cityTableName(prefix) }));
    expect(after.Table?.CreationDateTime).toEqual(before.Table?.CreationDateTime);
    expect(await tablesOfPrefix()).toHaveLength(8);
  });
});

describe('ensureTable', () => {
  it('switches TTL on when the definition names a TTL attribute', async () => {
    const name = `${prefix}-ttl`;
    created.push(name);
    const def = {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [],
      stream: false,
      ttlAttribute: 'expiresAt',
    } as const;
    await ensureTable(client, { name, def });
    await ensureTable(client, { name, def });
    const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
  });
});
